package obsgrader.scenarios;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An {@link IncidentBurstSimulation} running in the background while the grader watches the alerts; it ends
 * when told to or when its time is up. Closing it stops the load and waits for Gatling's report.
 */
public final class IncidentBurst implements AutoCloseable {
    private static final AtomicBoolean STOP_ASKED = new AtomicBoolean();
    private static final AtomicBoolean STOP_GIVEN = new AtomicBoolean();

    private final CompletableFuture<SimulationResult> run;

    private IncidentBurst(CompletableFuture<SimulationResult> run) {
        this.run = run;
    }

    /** Starts the burst against the shop's nginx, for {@code atMost} if nobody stops it first. */
    public static IncidentBurst start(URI shop, Path reports, Duration atMost) {
        STOP_ASKED.set(false);
        STOP_GIVEN.set(false);
        System.setProperty("burst.seconds", String.valueOf(atMost.toSeconds()));
        return new IncidentBurst(CompletableFuture.supplyAsync(() -> GatlingRun.run(IncidentBurstSimulation.class, shop, reports)));
    }

    /**
     * True once, for the first virtual user after a stop was asked: it stops the load generator. Gatling
     * crashes on a second stop arriving while it shuts down.
     */
    static boolean stopNow() {
        return STOP_ASKED.get() && STOP_GIVEN.compareAndSet(false, true);
    }

    /** Stops the load and returns what it sent. */
    public SimulationResult finish() {
        STOP_ASKED.set(true);
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
