package obsgrader;

import static org.junit.jupiter.api.Assertions.fail;

import obsgrader.grading.Settings;
import obsgrader.report.FinishGrading;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Runs after the grading suite: prints the score card and gates the build on the rubric's pass mark. */
class PassMarkIT {
    @Test
    @DisplayName("Total at or above the pass mark")
    void passMark() {
        boolean gate = Boolean.parseBoolean(System.getProperty("grader.gate", "true"));
        FinishGrading.finish(Settings.fromSystemProperties().reports().resolve("latest"), gate).ifPresent(reason -> fail(reason));
    }
}
