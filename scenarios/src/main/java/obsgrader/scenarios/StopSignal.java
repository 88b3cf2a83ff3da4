package obsgrader.scenarios;

import java.util.concurrent.atomic.AtomicBoolean;

/** One burst's "stop now", asked by the grader and given once to the load generator. */
final class StopSignal {
    private final AtomicBoolean asked = new AtomicBoolean();
    private final AtomicBoolean given = new AtomicBoolean();

    void ask() {
        asked.set(true);
    }

    /**
     * True once, for the first virtual user after a stop was asked: it stops the load generator. Gatling
     * crashes on a second stop arriving while it shuts down.
     */
    boolean stopNow() {
        return asked.get() && given.compareAndSet(false, true);
    }
}
