package obsgrader.scenarios;

import java.util.function.Supplier;

/**
 * What one simulation run is given: its target and knobs, and its own stop signal (which only a burst asks). Gatling builds a
 * simulation by reflection, with no arguments, in the thread that launches it: the context rides on that
 * thread for the length of the launch, so two runs launched from two threads each build from their own.
 */
record SimulationContext(LoadTarget target, StopSignal stop) {
    private static final ThreadLocal<SimulationContext> LAUNCHING = new ThreadLocal<>();

    /** Runs a launch with this context available to the simulation's constructor. */
    <T> T during(Supplier<T> launch) {
        LAUNCHING.set(this);
        try {
            return launch.get();
        } finally {
            LAUNCHING.remove();
        }
    }

    /** The context of the launch under way in this thread; a simulation reads it when it is built. */
    static SimulationContext current() {
        SimulationContext context = LAUNCHING.get();
        if (context == null) {
            throw new IllegalStateException("a simulation runs through GatlingRun, which gives it its target");
        }
        return context;
    }

    Knobs knobs() {
        return target.knobs();
    }
}
