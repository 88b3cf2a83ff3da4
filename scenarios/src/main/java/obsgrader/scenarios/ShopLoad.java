package obsgrader.scenarios;

import io.gatling.javaapi.core.Simulation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The grading run's load phase: the lab's load tests, one simulation after the other, against the stack's
 * nginx only. Each leaves its HTML report in the reports folder.
 */
public final class ShopLoad {
    private static final Logger LOG = LoggerFactory.getLogger(ShopLoad.class);
    public static final List<Class<? extends Simulation>> SIMULATIONS = List.of(NormalLoadSimulation.class,
            HighLoadSimulation.class, SlowEndpointSimulation.class, ShoppingJourneySimulation.class);

    private ShopLoad() {
    }

    public static LoadResults run(LoadTarget target, Path reports) {
        List<SimulationResult> results = new ArrayList<>();
        for (Class<? extends Simulation> simulation : SIMULATIONS) {
            LOG.info("Gatling: {} against {}", simulation.getSimpleName(), target.shop());
            results.add(GatlingRun.run(simulation, target, reports));
        }
        return new LoadResults(results);
    }
}
