package obsgrader.checks.alerts;

import static obsgrader.i18n.Message.msg;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import obsgrader.checks.Check;
import obsgrader.checks.Evidence;
import obsgrader.checks.Fault;
import obsgrader.checks.GradingContext;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.Verdict;
import obsgrader.grading.GradingRun;
import obsgrader.grading.Mode;
import obsgrader.submission.Submission;
import obsgrader.tools.PromTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk under the reports folder while a drill keeps its timeline is the grader's failure: the student loses
 * nothing for it. The disk is really full: the timeline's file is {@code /dev/full}, where every write fails with
 * ENOSPC, an {@link java.io.IOException} like the stack's silence once was.
 */
class ReportsFolderFullTest {
    @TempDir
    Path folder;

    @RubricCheck(id = "test.drill-timeline", title = "a drill that keeps its timeline", live = true)
    static final class DrillKeepsItsTimeline implements Check {
        @Override
        public Verdict judge(GradingContext context) {
            FaultTimeline timeline = FaultTimeline.inject(msg("alerts.timeline.started", "api"));
            timeline.saveAs(context, "test.drill-timeline");
            return Verdict.live(1);
        }
    }

    @Test
    void aFullDiskOnTheReportsFolderCostsTheStudentNothing() throws Exception {
        Path run = folder.resolve("run");
        Files.createDirectories(run.resolve("faults"));
        Files.createSymbolicLink(run.resolve("faults").resolve("test.drill-timeline.txt"), Path.of("/dev/full"));

        Verdict verdict;
        try (GradingRun grading = new GradingRun(Submission.load(folder), Mode.STATIC, run, new PromTools(false))) {
            verdict = grading.judge(new DrillKeepsItsTimeline());
        }

        assertThat(verdict.fault()).isEqualTo(Fault.GRADER);
        assertThat(verdict.evidence()).isEqualTo(Evidence.NOT_ASSESSED);
        assertThat(verdict.reason()).contains("No space left on device", "the student loses nothing");
    }
}
