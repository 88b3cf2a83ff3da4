package obsgrader.engine;

import java.time.Duration;
import java.util.List;

/**
 * The engine's verbs a running stack uses (stop, start, exec, logs, and finding the run's containers). The real
 * one is the docker command line ({@link #DOCKER}); a unit test plays back recorded answers, so that who is
 * charged when a verb fails is tested without an engine.
 */
public interface Engine {
    /** {@code docker ARGS...}, with a deadline. */
    Shell.Result run(Duration timeout, String... args);

    /** The containers carrying a label, stopped ones included; an engine that cannot list them is an {@link EnvironmentFault}. */
    List<Docker.Container> containers(String label);

    /** The docker command line. */
    Engine DOCKER = new Engine() {
        @Override
        public Shell.Result run(Duration timeout, String... args) {
            return Docker.run(timeout, args);
        }

        @Override
        public List<Docker.Container> containers(String label) {
            return Docker.containers(label);
        }
    };
}
