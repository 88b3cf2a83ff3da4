package obsgrader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FinishGradingTest {
    @TempDir
    Path reports;

    @Test
    void aFullRunFailsBelowThePassMark() throws IOException {
        assertThat(FinishGrading.finish(latest("full", 65, 1), true)).hasValueSatisfying(reason ->
                assertThat(reason).startsWith("Below the pass mark: 65 < 70"));
        assertThat(FinishGrading.finish(latest("full", 65, 1), false)).isEmpty();
        assertThat(FinishGrading.finish(latest("full", 71, 1), true)).isEmpty();
    }

    @Test
    void aStaticSelfCheckFailsOnlyWhenThePassMarkIsOutOfReach() throws IOException {
        assertThat(FinishGrading.finish(latest("static", 40, 60), true)).isEmpty();
        assertThat(FinishGrading.finish(latest("static", 9.5, 60), true)).hasValueSatisfying(reason ->
                assertThat(reason).isEqualTo("The pass mark is out of reach: 9.5 confirmed statically, at most 69.5 "
                        + "with every live point, < 70"));
    }

    private Path latest(String mode, double points, double notAssessed) throws IOException {
        Path latest = Files.createDirectories(reports.resolve("latest"));
        Files.writeString(latest.resolve(ReportWriter.CARD), "card\n");
        Files.writeString(latest.resolve(ReportWriter.RESULTS), """
                {"extra_data": {"submission": "student", "mode": "%s", "gradable": true, "total": %s,
                 "max_points": 100, "pass_mark": 70, "passed": %s, "not_assessed_points": %s}}
                """.formatted(mode, points, points >= 70, notAssessed));
        return latest;
    }
}
