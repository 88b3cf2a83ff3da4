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
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition turnFreed = lock.newCondition();
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

    /** Takes a turn for this phase, saying {@code queued} first when it must wait for one. */
    private void take(Phase phase, Runnable queued) throws InterruptedException {
        lock.lock();
        try {
            Ticket ticket = new Ticket(phase, asked++);
            waiting.add(ticket);
            try {
                if (taken >= turns || waiting.peek() != ticket) {
                    queued.run();
                }
                while (taken >= turns || waiting.peek() != ticket) {
                    turnFreed.await();
                }
            } finally {
                waiting.remove(ticket);
                // another may be first now (this one gave up, or took its turn and left a free one)
                turnFreed.signalAll();
            }
            taken++;
        } finally {
            lock.unlock();
        }
    }

    private void give() {
        lock.lock();
        try {
            taken--;
            turnFreed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** One student's side of the gate: its phases shown, its waits counted, a turn inside its own turn not asked again. */
    private final class StudentGate implements PhaseGate {
        private final String student;
        private volatile Thread holder;
        private volatile Duration waited = Duration.ZERO;

        StudentGate(String student) {
            this.student = student;
        }

        @Override
        public void entering(Phase phase) {
            progress.phase(student, phase, false);
        }

        @Override
        public <T> T measured(Phase phase, Supplier<T> work) {
            if (holder == Thread.currentThread()) {
                return work.get();
            }
            Instant asking = Instant.now();
            try {
                take(phase, () -> progress.phase(student, phase, true));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a turn", e);
            }
            waited = waited.plus(Duration.between(asking, Instant.now()));
            progress.phase(student, phase, false);
            holder = Thread.currentThread();
            try {
                return work.get();
            } finally {
                holder = null;
                give();
            }
        }

        @Override
        public Duration waited() {
            return waited;
        }
    }
}
