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

    @Test
    void aNeighbouringStackEarnsItsJobsWhateverTheirNames() throws Exception {
        // the student's own names: the shop is "boutique" (built, on 8000), cAdvisor instead of node-exporter
        Verdict verdict = new Fixture(folder).with("docker-compose.yml", """
                services:
                  boutique: {build: ./boutique, expose: ["8000"]}
                  cadvisor: {image: "gcr.io/cadvisor/cadvisor:v0.47.2"}
                  sonde: {image: "prom/blackbox-exporter:v0.25.0"}
                  prometheus:
                    image: prom/prometheus:v2.53.0
                    volumes: ["./monitoring/prometheus.yml:/etc/prometheus/prometheus.yml:ro"]
                """).with("monitoring/prometheus.yml", """
                global: {scrape_interval: 15s}
                scrape_configs:
                  - job_name: moi-meme
                    static_configs: [{targets: ["localhost:9090"]}]
                  - job_name: la-boutique
                    static_configs: [{targets: ["boutique:8000"]}]
                  - job_name: conteneurs
                    static_configs: [{targets: ["cadvisor:8080"]}]
                  - job_name: disponibilite
                    metrics_path: /probe
                    params: {module: [http_2xx]}
                    static_configs: [{targets: ["http://boutique:8000/health"]}]
                    relabel_configs:
                      - {source_labels: [__address__], target_label: __param_target}
                      - {source_labels: [__param_target], target_label: instance}
                      - {target_label: __address__, replacement: "sonde:9115"}
                """).judge(new ScrapeJobsConfigured());

        // prometheus 1, the shop 1, cAdvisor half of node, blackbox 5/6 (no nginx to probe): 3 1/3 of the 7 jobs
        assertThat(verdict.fraction()).as(verdict.reason()).isCloseTo((1 + 1 + 0.5 + 5 / 6.0) / 7, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(verdict.found()).contains("only cAdvisor stands for node-exporter").doesNotContain("no job scrapes boutique", "(the lab's api)");
    }
}
