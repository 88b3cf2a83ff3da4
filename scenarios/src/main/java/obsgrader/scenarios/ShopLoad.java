package obsgrader.scenarios;

import io.gatling.javaapi.core.Simulation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grading run's load phase: the lab's load tests against the stack's nginx only, each leaving its HTML
 * report in the reports folder. They run in waves: the simulations of a wave side by side, the waves one after
 * the other. Only the two light ones share a wave (catalogue browsing at 10/s, shopping journeys at 5/s): the
 * crowd of 100/s and the slow page, whose requests hold a worker for 1 to 3 s, each run alone, so that a server
 * with a few synchronous workers is judged on the lab's tests as the lab runs them, not on their sum.
 */
public final class ShopLoad {
    private static final Logger LOG = LoggerFactory.getLogger(ShopLoad.class);
    public static final List<List<Class<? extends Simulation>>> WAVES = List.of(
            List.of(NormalLoadSimulation.class, ShoppingJourneySimulation.class),
            List.of(HighLoadSimulation.class),
            List.of(SlowEndpointSimulation.class));

    private ShopLoad() {
    }

    public static LoadResults run(LoadTarget target, Path reports) {
        List<SimulationResult> results = new ArrayList<>();
        for (List<Class<? extends Simulation>> wave : WAVES) {
            LOG.info("Gatling: {} against {}", wave.stream().map(Class::getSimpleName).toList(), target.shop());
            List<CompletableFuture<SimulationResult>> running = wave.stream()
                    .map(simulation -> GatlingRun.start(simulation, new SimulationContext(target, new StopSignal()), reports))
                    .toList();
            try {
                running.forEach(simulation -> results.add(simulation.join()));
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException failure ? failure : e;
            }
        }
        return new LoadResults(results);
    }
}
