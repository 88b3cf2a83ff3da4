package obsgrader.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import obsgrader.checks.Phase;
import obsgrader.grading.PhaseGate;

/**
 * A class's turns for the work whose timings are graded: at most {@code turns} builds and boots, load phases and
 * bursts run at once across the class, whatever else its stacks are doing (waiting out an alert's {@code for}, a
 * scrape, a resolve). A turn goes to the grading furthest along first (a burst before a load before a boot), then
 * to whoever asked first: a student nearly done frees a stack's memory sooner than a new one is booted.
 */
final class ClassGate {
    private final int turns;
    private final ClassProgress progress;
    /** Guards the turns taken, the queue and each student's hold on a turn. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<Ticket> waiting = new PriorityQueue<>(
            Comparator.comparing(Ticket::phase).reversed().thenComparingLong(Ticket::order));
    private long asked;
    private int taken;

    ClassGate(int turns, ClassProgress progress) {
        this.turns = Math.max(1, turns);
        this.progress = progress;
    }

    /** The gate one student's grading is handed. */
    PhaseGate forStudent(String student) {
        return new StudentGate(student);
    }

    private record Ticket(Phase phase, long order) {
    }

    /**
     * One student's side of the gate: its phases shown, its waits counted. Measured work asked for while the student
     * holds a turn runs in that turn, on whichever of its threads, and the turn is given back when the last of them
     * is done: the files' thread may boot the stack (a check preparing on it asks for Prometheus) while the main
     * thread's turn waits for that very boot.
     */
    private final class StudentGate implements PhaseGate {
        private final String student;
        /** How many of the student's threads are doing measured work in its turn (under the class's lock). */
        private int inTurn;
        private Duration waited = Duration.ZERO;

        StudentGate(String student) {
            this.student = student;
        }

        @Override
        public void entering(Phase phase) {
            progress.phase(student, phase, false);
        }

        @Override
        public <T> T measured(Phase phase, Supplier<T> work) {
            try {
                enter(phase);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a turn", e);
            }
            try {
                return work.get();
            } finally {
                leave();
            }
        }

        private void enter(Phase phase) throws InterruptedException {
            lock.lock();
            try {
                if (inTurn == 0) {
                    Instant asking = Instant.now();
                    Ticket ticket = new Ticket(phase, asked++);
                    waiting.add(ticket);
                    try {
                        if (mustWait(ticket)) {
                            progress.phase(student, phase, true);
                        }
                        while (inTurn == 0 && mustWait(ticket)) {
                            changed.await();
                        }
                    } finally {
                        waiting.remove(ticket);
                        changed.signalAll();
                    }
                    if (inTurn == 0) {
                        taken++;
                        waited = waited.plus(Duration.between(asking, Instant.now()));
                        progress.phase(student, phase, false);
                    }
                }
                inTurn++;
                // the next in the queue may go now, or another of this student's threads may join the turn
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        private boolean mustWait(Ticket ticket) {
            return taken >= turns || waiting.peek() != ticket;
        }

        private void leave() {
            lock.lock();
            try {
                if (--inTurn == 0) {
                    taken--;
                }
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        @Override
        public Duration waited() {
            lock.lock();
            try {
                return waited;
            } finally {
                lock.unlock();
            }
        }
    }
}
