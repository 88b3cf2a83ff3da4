package obsgrader.grading;

import java.time.Duration;
import java.util.function.Supplier;
import obsgrader.checks.Phase;

/**
 * What a grading tells the class it is graded in, and where it takes its turn for the work whose timings are
 * graded (the boot, the load, the burst). A grading alone takes its turn at once ({@link #alone()}); a class
 * hands each of its gradings one of its own gate.
 */
public interface PhaseGate {
    /** The grading has entered this phase. */
    void entering(Phase phase);

    /** Does measured work once it is this grading's turn; a call made from inside one runs in the same turn. */
    <T> T measured(Phase phase, Supplier<T> work);

    /** How long the grading has waited for its turns so far: no part of its deadline. */
    Duration waited();

    /** A grading alone: every turn is its own at once. */
    static PhaseGate alone() {
        return new Alone();
    }

    /** Nobody to wait for. */
    final class Alone implements PhaseGate {
        private Alone() {
        }

        @Override
        public void entering(Phase phase) {
        }

        @Override
        public <T> T measured(Phase phase, Supplier<T> work) {
            return work.get();
        }

        @Override
        public Duration waited() {
            return Duration.ZERO;
        }
    }
}
