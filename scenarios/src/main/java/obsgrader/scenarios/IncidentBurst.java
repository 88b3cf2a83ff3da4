package obsgrader.scenarios;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * An {@link IncidentBurstSimulation} running in the background while the grader watches the alerts; it ends
 * when told to or when its time is up. Closing it stops the load and waits for Gatling's report.
 */
public final class IncidentBurst implements AutoCloseable {
    private final StopSignal stop;
    private final CompletableFuture<SimulationResult> run;

    private IncidentBurst(StopSignal stop, CompletableFuture<SimulationResult> run) {
        this.stop = stop;
        this.run = run;
    }

    /** Starts the burst against the target, for {@code atMost} if nobody stops it first. */
    public static IncidentBurst start(LoadTarget target, Path reports, Duration atMost) {
        StopSignal stop = new StopSignal();
        SimulationContext context = new SimulationContext(
                new LoadTarget(target.shop(), target.knobs().with("burst.seconds", atMost.toSeconds())), stop);
        return new IncidentBurst(stop, GatlingRun.start(IncidentBurstSimulation.class, context, reports));
    }

    /** Stops the load and returns what it sent. */
    public SimulationResult finish() {
        stop.ask();
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the burst stopped", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the burst failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    @Override
    public void close() {
        finish();
    }
}
