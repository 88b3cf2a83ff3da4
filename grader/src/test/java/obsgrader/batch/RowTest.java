package obsgrader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run the machine could grade only in part (offline) is neither a plain grade nor "not gradable". */
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
    void aRunThatBootedIsGradable() throws IOException {
        Row row = row("{\"prom/prometheus:latest\": \"stand-in: Prometheus 3.5 (Debian sid)\"}");

        assertThat(row.partlyGradable()).isFalse();
        assertThat(row.reason()).isEmpty();
    }
}
