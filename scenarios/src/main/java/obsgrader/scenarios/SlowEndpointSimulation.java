package obsgrader.scenarios;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.scenario;

import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/** The slow endpoint, the lab's {@code hey -n 100 -c 20 /api/slow}: it answers, in one to three seconds. */
public class SlowEndpointSimulation extends Simulation {
    private final SimulationContext run = SimulationContext.current();
    private final double visitorsPerSecond = run.knobs().perSecond("load.slow.rate", 2);
    private final Duration lasting = run.knobs().seconds("load.slow.seconds", 15);

    private final ScenarioBuilder waiting = scenario("visitors waiting on the slow page").exec(Shop.openSlowPage());

    private final Assertion everySlowPageServed = details(ShopRequest.SLOW_PAGE.label()).failedRequests().count().is(0L);
    private final Assertion slowPageTakesOverASecond = details(ShopRequest.SLOW_PAGE.label()).responseTime().percentile(50.0).gt(1000);

    {
        setUp(waiting.injectOpen(constantUsersPerSec(visitorsPerSecond).during(lasting)))
                .protocols(Shop.protocol(run))
                .assertions(everySlowPageServed, slowPageTakesOverASecond);
    }
}
