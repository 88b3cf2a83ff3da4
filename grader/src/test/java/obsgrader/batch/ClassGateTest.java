package obsgrader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import obsgrader.checks.Phase;
import obsgrader.grading.PhaseGate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The class's turns: never more measured work at once than it allows, the furthest along first, shown on the console. */
class ClassGateTest {
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final ClassProgress progress = new ClassProgress(3, new PrintStream(console, true, StandardCharsets.UTF_8));
    private final ExecutorService students = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        students.shutdownNow();
    }

    @Test
    void noMoreMeasuredWorkAtOnceThanTurns() throws Exception {
        ClassGate gate = new ClassGate(2, progress);
        AtomicInteger now = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Future<Integer>> done = new CopyOnWriteArrayList<>();
        for (String student : List.of("ana", "ben", "cleo", "dan")) {
            PhaseGate own = gate.forStudent(student);
            done.add(students.submit(() -> own.measured(Phase.TRAFFIC, () -> {
                most.accumulateAndGet(now.incrementAndGet(), Math::max);
                pause(150);
                return now.decrementAndGet();
            })));
        }
        for (Future<Integer> each : done) {
            each.get(10, TimeUnit.SECONDS);
        }
        assertThat(most).hasValue(2);
    }

    @Test
    void theTurnGoesToTheGradingFurthestAlong() throws Exception {
        ClassGate gate = new ClassGate(1, progress);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        students.submit(() -> gate.forStudent("ana").measured(Phase.BOOT, () -> {
            holding.countDown();
            await(release);
            return order.add("ana");
        }));
        holding.await();
        Future<?> boot = students.submit(() -> gate.forStudent("ben").measured(Phase.BOOT, () -> order.add("ben boot")));
        waitFor("ben boot (queued)");
        Future<?> burst = students.submit(() -> gate.forStudent("cleo").measured(Phase.BURST, () -> order.add("cleo burst")));
        waitFor("cleo burst (queued)");
        release.countDown();
        boot.get(10, TimeUnit.SECONDS);
        burst.get(10, TimeUnit.SECONDS);
        assertThat(order).containsExactly("ana", "cleo burst", "ben boot");
        assertThat(gate.forStudent("ben").waited()).isZero();
    }

    @Test
    void workInsideATurnTakesNoOtherAndTheWaitIsCounted() throws Exception {
        ClassGate gate = new ClassGate(1, progress);
        PhaseGate ana = gate.forStudent("ana");
        PhaseGate ben = gate.forStudent("ben");
        CountDownLatch holding = new CountDownLatch(1);
        Future<String> first = students.submit(() -> ana.measured(Phase.BOOT, () -> ana.measured(Phase.BOOT, () -> {
            holding.countDown();
            pause(300);
            return "booted inside its own turn";
        })));
        holding.await();
        assertThat(students.submit(() -> ben.measured(Phase.TRAFFIC, () -> "loaded")).get(10, TimeUnit.SECONDS)).isEqualTo("loaded");
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("booted inside its own turn");
        assertThat(ben.waited().toMillis()).isGreaterThanOrEqualTo(150);
        assertThat(ana.waited().toMillis()).isLessThan(150);
    }

    @Test
    void aStudentsOtherThreadJoinsItsTurnRatherThanWaitForIt() throws Exception {
        ClassGate gate = new ClassGate(1, progress);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        students.submit(() -> gate.forStudent("ben").measured(Phase.TRAFFIC, () -> {
            holding.countDown();
            return await(release);
        }));
        holding.await();
        PhaseGate ana = gate.forStudent("ana");
        Object bootLock = new Object();
        // the main thread asks first, then needs the boot that the files' thread, asking after it, does under a lock
        Future<String> main = students.submit(() -> ana.measured(Phase.BOOT, () -> {
            synchronized (bootLock) {
                return "judged on the booted stack";
            }
        }));
        waitFor("ana boot (queued)");
        CountDownLatch locked = new CountDownLatch(1);
        Future<String> files = students.submit(() -> {
            synchronized (bootLock) {
                locked.countDown();
                return ana.measured(Phase.BOOT, () -> "booted");
            }
        });
        locked.await();
        release.countDown();
        assertThat(files.get(10, TimeUnit.SECONDS)).isEqualTo("booted");
        assertThat(main.get(10, TimeUnit.SECONDS)).isEqualTo("judged on the booted stack");
    }

    @Test
    void theProgressLineSaysWhoIsInWhichPhase() {
        ClassGate gate = new ClassGate(1, progress);
        gate.forStudent("alice").entering(Phase.TRAFFIC);
        gate.forStudent("bob").entering(Phase.OUTAGE);
        gate.forStudent("bob").entering(Phase.OUTAGE);
        assertThat(console.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "[batch] 1 grading: alice traffic; 0/3 done",
                "[batch] 2 grading: alice traffic, bob outage; 0/3 done");
    }

    private void waitFor(String text) {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!console.toString(StandardCharsets.UTF_8).contains(text) && System.nanoTime() < until) {
            pause(10);
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).contains(text);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
