package obsgrader.scenarios;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/** High load, the lab's {@code hey -n 10000 -c 100 /api/products}: a crowd on the catalogue, shortened to seconds. */
public class HighLoadSimulation extends Simulation {
    private final SimulationContext run = SimulationContext.current();
    private final double customersPerSecond = run.knobs().perSecond("load.high.rate", 100);
    private final Duration lasting = run.knobs().seconds("load.high.seconds", 15);

    private final ScenarioBuilder crowd = scenario("a crowd on the catalogue").exec(Shop.browse());

    private final Assertion almostEveryPageServed = details(ShopRequest.BROWSE.label()).failedRequests().percent().lt(1.0);
    private final Assertion catalogueUnderASecond = details(ShopRequest.BROWSE.label()).responseTime().percentile(95.0).lt(1000);

    {
        setUp(crowd.injectOpen(constantUsersPerSec(customersPerSecond).during(lasting)))
                .protocols(Shop.protocol(run))
                .assertions(almostEveryPageServed, catalogueUnderASecond);
    }
}
