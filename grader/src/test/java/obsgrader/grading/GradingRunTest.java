package obsgrader.grading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import obsgrader.checks.Check;
import obsgrader.checks.Evidence;
import obsgrader.checks.Fault;
import obsgrader.checks.Need;
import obsgrader.checks.GradingContext;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.Verdict;
import obsgrader.clients.AlertmanagerApi;
import obsgrader.clients.PrometheusApi;
import obsgrader.engine.EnvironmentFault;
import obsgrader.i18n.Message;
import obsgrader.submission.Submission;
import obsgrader.tools.PromTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whose fault a check's failure is, one kind per test: the stack's silence or a wrong answer costs the student, the
 * machine's and the grader's own never do. The faults are real: a refused connection, an HTTP server answering 400.
 */
class GradingRunTest {
    @TempDir
    Path folder;

    @RubricCheck(id = "test.grader-bug", title = "a check whose code is wrong", live = true)
    static final class GraderBug implements Check {
        @Override
        public Verdict judge(GradingContext context) {
            throw new IllegalStateException("index 3 out of bounds for length 3");
        }
    }

    @RubricCheck(id = "test.library-assertion", title = "a check a library fails with an AssertionError", live = true)
    static final class LibraryAssertion implements Check {
        @Override
        public Verdict judge(GradingContext context) {
            throw new AssertionError("1 expectation failed");
        }
    }

    @RubricCheck(id = "test.machine", title = "a check whose engine command fails", live = true)
    static final class EngineFails implements Check {
        @Override
        public Verdict judge(GradingContext context) {
            throw new EnvironmentFault(Message.verbatim("docker stop 4f2a failed: Cannot connect to the Docker daemon"));
        }
    }

    /** Asks Prometheus at a port nothing listens on. */
    @RubricCheck(id = "test.stack-silent", title = "a check the stack never answers", live = true)
    record StackSilent(URI prometheus) implements Check {
        @Override
        public Verdict judge(GradingContext context) {
            new PrometheusApi(prometheus).query("up");
            return Verdict.live(1);
        }
    }

    /** Posts an alert to an Alertmanager that refuses it. */
    @RubricCheck(id = "test.stack-refuses", title = "a check the stack answers wrongly", live = true)
    record StackRefuses(URI alertmanager) implements Check {
        @Override
        public Verdict judge(GradingContext context) {
            new AlertmanagerApi(alertmanager).post(JsonNodeFactory.instance.arrayNode());
            return Verdict.live(1);
        }
    }

    /** Needs the stack and Prometheus, and counts how often it was judged. */
    @obsgrader.checks.Needs({Need.STACK, Need.PROMETHEUS})
    @RubricCheck(id = "test.needs-prometheus", title = "a check that needs Prometheus", live = true)
    static final class NeedsPrometheus implements Check {
        final AtomicInteger judged = new AtomicInteger();

        @Override
        public Verdict judge(GradingContext context) {
            judged.incrementAndGet();
            return Verdict.live(1);
        }
    }

    private GradingRun run() {
        return new GradingRun(Submission.load(folder), Mode.STATIC, folder.resolve("run"), new PromTools(false));
    }

    private Verdict judged(Check check) {
        try (GradingRun run = run()) {
            return run.judge(check);
        }
    }

    @Test
    void anUnmetPrerequisiteMakesTheLineNotAssessedWithItsOwnReasonBeforeTheCheckRuns() {
        // a full run of a folder without a compose file: the stack cannot boot, and no engine is asked
        try (GradingRun run = new GradingRun(Submission.load(folder), Mode.FULL, folder.resolve("run"), new PromTools(false))) {
            NeedsPrometheus check = new NeedsPrometheus();
            Verdict first = run.judge(check);
            Verdict second = run.judge(check);

            assertThat(check.judged).as("judge never ran").hasValue(0);
            assertThat(List.of(first, second)).allSatisfy(verdict -> {
                assertThat(verdict.evidence()).isEqualTo(Evidence.NOT_ASSESSED);
                assertThat(verdict.fault()).isEqualTo(Fault.NONE);
                assertThat(verdict.reason()).contains("the stack did not boot");
            });
        }
        try (GradingRun run = run()) {
            assertThat(run.judge(new NeedsPrometheus()).reason()).as("a static run's own reason").contains("static");
        }
    }

    @Test
    void theGradersOwnFailureIsTheGradersAndCostsTheStudentNothing() {
        assertThat(judged(new GraderBug())).satisfies(verdict -> {
            assertThat(verdict.fault()).isEqualTo(Fault.GRADER);
            assertThat(verdict.evidence()).isEqualTo(Evidence.NOT_ASSESSED);
            assertThat(verdict.reason()).contains("the grader failed", "index 3 out of bounds").doesNotContain("Exception");
        });
        assertThat(judged(new LibraryAssertion())).as("an AssertionError does not escape judge").satisfies(verdict -> {
            assertThat(verdict.fault()).isEqualTo(Fault.GRADER);
            assertThat(verdict.reason()).contains("1 expectation failed");
        });
    }

    @Test
    void aFailedEngineCommandIsTheMachinesAndStopsTheRun() {
        try (GradingRun run = run()) {
            assertThat(run.judge(new EngineFails())).satisfies(verdict -> {
                assertThat(verdict.fault()).isEqualTo(Fault.MACHINE);
                assertThat(verdict.reason()).contains("the grading machine failed", "Cannot connect to the Docker daemon");
            });
            assertThat(run.judge(new GraderBug()).fault()).as("what follows is not judged").isEqualTo(Fault.MACHINE);
            assertThat(run.environmentFault()).hasToString("docker stop 4f2a failed: Cannot connect to the Docker daemon");
        }
    }

    @Test
    void aStackThatDoesNotAnswerLosesThePoints() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThat(judged(new StackSilent(URI.create("http://127.0.0.1:" + closed)))).satisfies(verdict -> {
            assertThat(verdict.fault()).isEqualTo(Fault.NONE);
            assertThat(verdict.evidence()).isEqualTo(Evidence.LIVE);
            assertThat(verdict.fraction()).isZero();
            assertThat(verdict.reason()).contains("no answer from the stack (GET http://127.0.0.1:" + closed, "Connection refused");
        });
    }

    @Test
    void aStackThatAnswersWronglyLosesThePoints() throws IOException {
        HttpServer alertmanager = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        alertmanager.createContext("/api/v2/alerts", exchange -> {
            exchange.sendResponseHeaders(400, -1);
            exchange.close();
        });
        alertmanager.start();
        try {
            assertThat(judged(new StackRefuses(URI.create("http://127.0.0.1:" + alertmanager.getAddress().getPort()))))
                    .satisfies(verdict -> {
                        assertThat(verdict.fault()).isEqualTo(Fault.NONE);
                        assertThat(verdict.evidence()).isEqualTo(Evidence.LIVE);
                        assertThat(verdict.fraction()).isZero();
                        assertThat(verdict.reason()).contains("POST /api/v2/alerts: HTTP 400");
                    });
        } finally {
            alertmanager.stop(0);
        }
    }
}
