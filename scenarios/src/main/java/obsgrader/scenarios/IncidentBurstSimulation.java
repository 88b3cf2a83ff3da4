package obsgrader.scenarios;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * An incident: orders pile up (about 5 % fail to pay) and visitors hammer the slow page, until the grader has
 * seen the alerts it waits for ({@link IncidentBurst#finish()}) or for {@code burst.seconds} at most.
 */
public class IncidentBurstSimulation extends Simulation {
    private final SimulationContext run = SimulationContext.current();
    private final double ordersPerSecond = run.knobs().perSecond("burst.orders.rate", 10);
    private final double slowVisitsPerSecond = run.knobs().perSecond("burst.slow.rate", 1);
    private final Duration atMost = run.knobs().seconds("burst.seconds", 60);
    /** This burst's own signal, so that stopping one run's burst never stops another's. */
    private final StopSignal stop = run.stop();

    private final ChainBuilder untilTheAlertsAreSeen =
            stopLoadGeneratorIf("the grader has seen the alerts", session -> stop.stopNow());

    private final ScenarioBuilder ordersPilingUp = scenario("orders piling up").exec(Shop.order(), untilTheAlertsAreSeen);
    private final ScenarioBuilder slowPageHammered = scenario("slow page hammered").exec(Shop.openSlowPage(), untilTheAlertsAreSeen);

    {
        setUp(ordersPilingUp.injectOpen(constantUsersPerSec(ordersPerSecond).during(atMost)),
                slowPageHammered.injectOpen(constantUsersPerSec(slowVisitsPerSecond).during(atMost)))
                .protocols(Shop.protocol(run));
    }
}
