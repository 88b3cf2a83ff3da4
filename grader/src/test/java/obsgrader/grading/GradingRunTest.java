package obsgrader.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import obsgrader.checks.Check;
import obsgrader.checks.Evidence;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.Verdict;
import obsgrader.submission.Submission;
import obsgrader.tools.PromTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whose fault a check's failure is: the stack's silence costs the student, the grader's own bug never does. */
class GradingRunTest {
    @TempDir
    Path folder;

    @RubricCheck(id = "test.grader-bug", title = "a check whose code is wrong", live = true)
    static final class GraderBug implements Check {
        @Override
        public Verdict judge(obsgrader.checks.GradingContext context) {
            throw new IllegalStateException("index 3 out of bounds for length 3");
        }
    }

    @RubricCheck(id = "test.report-unwritable", title = "a check that cannot write its evidence", live = true)
    static final class ReportUnwritable implements Check {
        @Override
        public Verdict judge(obsgrader.checks.GradingContext context) {
            throw new UncheckedIOException(new NoSuchFileException("/reports/faults/x.txt"));
        }
    }

    @RubricCheck(id = "test.stack-silent", title = "a check the stack never answers", live = true)
    static final class StackSilent implements Check {
        @Override
        public Verdict judge(obsgrader.checks.GradingContext context) {
            throw new UncheckedIOException(new SocketTimeoutException("Read timed out"));
        }
    }

    private Verdict judged(Check check) {
        try (GradingRun run = new GradingRun(Submission.load(folder), Mode.STATIC, folder.resolve("run"), new PromTools(false))) {
            return run.judge(check);
        }
    }

    @Test
    void aFailureInTheGradersOwnCodeIsNotAssessedWithTheReason() {
        assertThat(judged(new GraderBug())).satisfies(verdict -> {
            assertThat(verdict.evidence()).isEqualTo(Evidence.NOT_ASSESSED);
            assertThat(verdict.reason()).contains("the grader failed", "index 3 out of bounds").doesNotContain("Exception");
        });
        assertThat(judged(new ReportUnwritable()).evidence()).isEqualTo(Evidence.NOT_ASSESSED);
    }

    @Test
    void aStackThatDoesNotAnswerLosesThePoints() {
        assertThat(judged(new StackSilent())).satisfies(verdict -> {
            assertThat(verdict.evidence()).isEqualTo(Evidence.LIVE);
            assertThat(verdict.fraction()).isZero();
            assertThat(verdict.reason()).contains("no answer from the stack (Read timed out)");
        });
    }
}
