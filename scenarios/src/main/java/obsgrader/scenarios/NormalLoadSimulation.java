package obsgrader.scenarios;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/** Normal load, the lab's {@code hey -n 1000 -c 10 /api/products}: customers browse the catalogue at a steady pace. */
public class NormalLoadSimulation extends Simulation {
    private final SimulationContext run = SimulationContext.current();
    private final double customersPerSecond = run.knobs().perSecond("load.normal.rate", 10);
    private final Duration lasting = run.knobs().seconds("load.normal.seconds", 15);

    private final ScenarioBuilder browsing = scenario("customers browsing the catalogue").exec(Shop.browse());

    private final Assertion everyPageServed = details(ShopRequest.BROWSE.label()).failedRequests().count().is(0L);
    private final Assertion catalogueUnder300ms = details(ShopRequest.BROWSE.label()).responseTime().percentile(95.0).lt(300);

    {
        setUp(browsing.injectOpen(constantUsersPerSec(customersPerSecond).during(lasting)))
                .protocols(Shop.protocol(run))
                .assertions(everyPageServed, catalogueUnder300ms);
    }
}
