package obsgrader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run the machine could grade only in part (offline) is neither a plain grade nor "not gradable"; the lines a
 * student lost are those assessed and missed, the bonus and what this machine could not assess left out.
 */
class RowTest {
    @TempDir
    Path folder;

    private Row row(String environment) throws IOException {
        Path results = folder.resolve("results.json");
        Files.writeString(results, """
                {"score": 50, "tests": [], "extra_data": {"gradable": true, "points": 50, "bonus": 0, "passed": false,
                 "not_assessed_points": 44, "duration_seconds": 60, "criteria": [], "environment": %s}}
                """.formatted(environment));
        return Row.of("ana", results);
    }

    @Test
    void anOfflineBootLeavesTheLivePointsOpen() throws IOException {
        Row row = row("""
                {"offline": "this machine could not build or pull what the stack needs",
                 "stack": "did not boot: not assessed (offline): the api image would not build on this machine: dial tcp"}""");

        assertThat(row.partlyGradable()).isTrue();
        assertThat(row.reason()).startsWith("partly gradable: 44 points not assessed, offline (did not boot: ")
                .contains("dial tcp");
    }

    @Test
    void onlyLinesAssessedAndMissedAreLost() throws IOException {
        Path results = folder.resolve("results.json");
        Files.writeString(results, """
                {"score": 50, "extra_data": {"gradable": true, "points": 50, "criteria": []}, "tests": [
                 {"score": 1, "max_score": 4, "extra_data": {"check": "alerts.fire-on-outage", "criterion": "alerts", "evidence": "live"}},
                 {"score": 0, "max_score": 1, "extra_data": {"check": "dashboard.grafana-live", "criterion": "dashboard", "evidence": "not-assessed"}},
                 {"score": 0, "max_score": 2.5, "extra_data": {"check": "bonus.loki", "criterion": "bonus", "evidence": "static"}},
                 {"score": 3, "max_score": 3, "extra_data": {"check": "docs.readme", "criterion": "docs", "evidence": "static"}}]}
                """);

        assertThat(Row.of("ana", results).lostChecks()).containsExactly("alerts.fire-on-outage");
    }

    @Test
    void aRunThatBootedIsGradable() throws IOException {
        Row row = row("{\"prom/prometheus:latest\": \"stand-in: Prometheus 3.5 (Debian sid)\"}");

        assertThat(row.partlyGradable()).isFalse();
        assertThat(row.reason()).isEmpty();
    }
}
