package obsgrader.checks.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import obsgrader.checks.Fixture;
import obsgrader.checks.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScrapeJobsConfiguredTest {
    @TempDir
    Path folder;

    private Fixture reference() {
        return new Fixture(folder).withReferencePrometheus();
    }

    @Test
    void theReferenceHasEveryJobAndPassesPromtool() throws Exception {
        Verdict verdict = reference().judge(new ScrapeJobsConfigured());

        assertThat(verdict.fraction()).as(verdict.reason()).isEqualTo(1.0);
    }

    @Test
    void aMissingJobAndAWrongBlackboxRelabellingAreNamed() throws Exception {
        String config = Files.readString(Fixture.reference().resolve("prometheus/prometheus.yml"))
                .replace("redis-exporter:9121", "redis-exporter:6379")
                .replace("target_label: __param_target", "target_label: __param_module");

        Verdict verdict = reference().with("prometheus/prometheus.yml", config).judge(new ScrapeJobsConfigured());

        assertThat(verdict.fraction()).isLessThan(1.0);
        assertThat(verdict.found()).contains("no job scrapes redis-exporter:9121").contains("blackbox relabelling");
    }

    @Test
    void aConfigPromtoolRejectsLosesItsShare() throws Exception {
        String config = Files.readString(Fixture.reference().resolve("prometheus/prometheus.yml"))
                .replace("scrape_interval: 15s", "scrape_interval: 15 seconds");

        Verdict verdict = reference().with("prometheus/prometheus.yml", config).judge(new ScrapeJobsConfigured());

        assertThat(verdict.found()).contains("promtool check config failed");
    }
}
