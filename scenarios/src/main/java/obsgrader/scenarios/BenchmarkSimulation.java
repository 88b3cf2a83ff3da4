package obsgrader.scenarios;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * As many requests as {@code benchmark.users} workers get answered in {@code benchmark.seconds}, each on its
 * own kept-alive connection: the closed workload {@code hey -c USERS -z SECONDS} runs, for a fair comparison.
 */
public class BenchmarkSimulation extends Simulation {
    private final SimulationContext run = SimulationContext.current();
    private final int workers = run.knobs().count("benchmark.users", 50);
    private final Duration lasting = run.knobs().seconds("benchmark.seconds", 20);
    private final String path = run.knobs().text("benchmark.path", ShopRequest.BROWSE.path());

    private final ScenarioBuilder flatOut = scenario("workers fetching " + path + " flat out")
            .exec(during(lasting).on(http("GET " + path).get(path)));

    {
        setUp(flatOut.injectOpen(atOnceUsers(workers))).protocols(Shop.protocol(run));
    }
}
