package obsgrader.checks.deployed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import obsgrader.checks.Fixture;
import obsgrader.checks.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticDeployedChecksTest {
    @TempDir
    Path folder;

    @Test
    void theReferenceComposeRunsTheTwelveLabServices() throws Exception {
        Verdict verdict = new Fixture(folder).withReference("docker-compose.yml").judge(new LabServicesPresent());

        assertThat(verdict.fraction()).as(verdict.reason()).isEqualTo(1.0);
    }

    @Test
    void missingServicesAreNamedAndCostTheirShare() throws Exception {
        Verdict verdict = new Fixture(folder).with("docker-compose.yml", """
                services:
                  nginx: {image: "nginx:alpine"}
                  api: {build: ./app}
                  prometheus: {image: prom/prometheus}
                """).judge(new LabServicesPresent());

        assertThat(verdict.fraction()).isEqualTo(3 / 12.0);
        assertThat(verdict.found()).contains("postgres", "grafana", "blackbox-exporter").doesNotContain("prometheus,");
    }

    @Test
    void aComposeFileThatIsNotYamlScoresNothingAndSaysWhere() throws Exception {
        Verdict verdict = new Fixture(folder).with("docker-compose.yml", "services:\n  api: [oops\n")
                .judge(new LabServicesPresent());

        assertThat(verdict.fraction()).isZero();
        assertThat(verdict.where()).endsWith("docker-compose.yml");
    }

    @Test
    void theReferenceKeepsItsDataAndOrdersItsServices() throws Exception {
        Verdict verdict = new Fixture(folder).withReference("docker-compose.yml").judge(new VolumesAndDependencies());

        assertThat(verdict.fraction()).as(verdict.reason()).isEqualTo(1.0);
    }

    @Test
    void noVolumesAndNoDependenciesLoseTheirShares() throws Exception {
        Verdict verdict = new Fixture(folder).with("docker-compose.yml", """
                services:
                  nginx: {image: "nginx:alpine"}
                  api: {build: ./app}
                  postgres: {image: "postgres:15-alpine"}
                  redis: {image: "redis:7-alpine"}
                  prometheus:
                    image: prom/prometheus
                    volumes: [prometheus_data:/prometheus]
                volumes:
                  prometheus_data:
                """).judge(new VolumesAndDependencies());

        assertThat(verdict.fraction()).isLessThan(1.0);
        assertThat(verdict.found()).contains("postgres has no volume on /var/lib/postgresql/data")
                .contains("nginx does not depend_on api").doesNotContain("prometheus has no volume");
    }

    @Test
    void exportersNeedNoDependsOnSinceTheyRetryAtEveryScrape() throws Exception {
        // the lab's own listing: exporters without depends_on, the application ordered
        Verdict verdict = new Fixture(folder).with("docker-compose.yml", """
                services:
                  nginx: {image: "nginx:alpine", depends_on: [api]}
                  api: {build: ./app, depends_on: [postgres, redis]}
                  postgres: {image: "postgres:15-alpine", volumes: ["pg:/var/lib/postgresql/data"]}
                  redis: {image: "redis:7-alpine"}
                  nginx-exporter: {image: "nginx/nginx-prometheus-exporter:latest"}
                  postgres-exporter: {image: "prometheuscommunity/postgres-exporter:latest"}
                  redis-exporter: {image: "oliver006/redis_exporter:latest"}
                  prometheus: {image: "prom/prometheus:latest", volumes: ["prom:/prometheus"]}
                  grafana: {image: "grafana/grafana:latest", volumes: ["graf:/var/lib/grafana"]}
                volumes: {pg: {}, prom: {}, graf: {}}
                """).judge(new VolumesAndDependencies());

        assertThat(verdict.fraction()).as(verdict.reason()).isEqualTo(1.0);
    }
}
