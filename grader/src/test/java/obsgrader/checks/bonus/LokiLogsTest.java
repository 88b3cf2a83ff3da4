package obsgrader.checks.bonus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import obsgrader.checks.Fixture;
import obsgrader.checks.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LokiLogsTest {
    @TempDir
    Path folder;

    @Test
    void awardsLokiFedByPromtail() throws Exception {
        Verdict verdict = new Fixture(folder).with("docker-compose.yml", """
                services:
                  logs:
                    image: grafana/loki:2.9.0
                  shipper:
                    image: grafana/promtail:2.9.0
                """).judge(new LokiLogs());

        assertThat(verdict.full()).as(verdict.reason()).isTrue();
        assertThat(verdict.found()).contains("Loki service logs", "shipper shipper", "not verified live");
    }

    @Test
    void awardsLokiReadThroughAProvisionedDatasource() throws Exception {
        Verdict verdict = new Fixture(folder)
                .with("docker-compose.yml", "services:\n  loki:\n    image: grafana/loki\n")
                .with("grafana/provisioning/datasources/loki.yml",
                        "datasources:\n  - name: Loki\n    type: loki\n    url: http://loki:3100\n")
                .judge(new LokiLogs());

        assertThat(verdict.full()).as(verdict.reason()).isTrue();
    }

    @Test
    void givesHalfToALokiNothingFeedsAndNothingToTheReference() throws Exception {
        Verdict alone = new Fixture(folder).with("docker-compose.yml", "services:\n  loki:\n    image: grafana/loki\n")
                .judge(new LokiLogs());
        Verdict reference = new Fixture(folder).withReference("docker-compose.yml").judge(new LokiLogs());

        assertThat(alone.fraction()).isEqualTo(0.5);
        assertThat(reference.fraction()).isZero();
        assertThat(reference.found()).contains("no Loki service");
    }
}
