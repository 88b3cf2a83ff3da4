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
    void aNeighbouringShopOnMysqlWithItsOwnlyNamedBuiltApiHasThosePieces() throws Exception {
        // a student's shop on MySQL, the API built from ./boutique under a name of its own
        Verdict verdict = new Fixture(folder).with("docker-compose.yml", """
                services:
                  proxy: {image: "nginx:1.25"}
                  boutique: {build: ./boutique, ports: ["8000:8000"]}
                  mysql: {image: "mysql:8.0"}
                  mysql-exporter: {image: "prom/mysqld-exporter:v0.15.1"}
                  prometheus: {image: prom/prometheus}
                  grafana: {image: grafana/grafana}
                """).judge(new LabServicesPresent());

        assertThat(verdict.fraction()).as(verdict.reason()).isEqualTo(6 / 12.0);
        assertThat(verdict.found()).doesNotContain("api,", "postgres,", "postgres-exporter");
    }

    @Test
    void dataCountsTwoThirdsAndExportersNeedNotWaitForTheirTarget() throws Exception {
        // every volume and the lab's three start orders, but no exporter waits for its target (they retry)
        Verdict verdict = new Fixture(folder).with("docker-compose.yml", """
                services:
                  nginx: {image: "nginx:alpine", depends_on: [api]}
                  api: {build: ./app, depends_on: {postgres: {condition: service_healthy}, redis: {condition: service_started}}}
                  postgres: {image: "postgres:15-alpine", volumes: [pgdata:/var/lib/postgresql/data]}
                  redis: {image: "redis:7-alpine"}
                  postgres-exporter: {image: prometheuscommunity/postgres-exporter}
                  redis-exporter: {image: oliver006/redis_exporter}
                  prometheus: {image: prom/prometheus, volumes: ["promdata:/prometheus"]}
                  grafana: {image: grafana/grafana, volumes: ["./grafana-data:/var/lib/grafana"]}
                volumes: {pgdata: {}, promdata: {}}
                """).judge(new VolumesAndDependencies());

        assertThat(verdict.full()).as(verdict.reason()).isTrue();
    }

    @Test
    void aNeighbouringStackWithoutDependsOnLosesTheOrderThird() throws Exception {
        Verdict verdict = new Fixture(folder).with("docker-compose.yml", """
                services:
                  prometheus: {image: prom/prometheus, volumes: ["prometheus_data:/prometheus"]}
                  node-exporter: {image: prom/node-exporter}
                  grafana: {image: grafana/grafana, volumes: ["grafana_data:/var/lib/grafana"]}
                volumes: {prometheus_data: {}, grafana_data: {}}
                """).judge(new VolumesAndDependencies());

        assertThat(verdict.fraction()).as(verdict.reason()).isCloseTo(2 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(verdict.found()).contains("no service declares depends_on");
    }

    @Test
    void aNeighbouringStackOrdersWhatItHasButKeepsNoData() throws Exception {
        Verdict verdict = new Fixture(folder).with("docker-compose.yml", """
                services:
                  order-service: {build: ./order}
                  prometheus: {image: prom/prometheus, depends_on: [order-service]}
                  grafana: {image: grafana/grafana, depends_on: [prometheus]}
                """).judge(new VolumesAndDependencies());

        assertThat(verdict.fraction()).as(verdict.reason()).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(verdict.found()).contains("prometheus has no volume on /prometheus", "grafana has no volume on /var/lib/grafana");
    }

    @Test
    void replicasAndAMigrationJobBuiltFromTheSameCodeOrderAsOneApi() throws Exception {
        // the same code, built three times: a migration job first, then two replicas behind nginx
        Verdict verdict = new Fixture(folder).with("app.py", """
                from prometheus_client import Counter
                REQUESTS = Counter("http_requests_total", "requests", ["method", "endpoint", "status"])
                """).with("Dockerfile", "FROM python:3.12-slim\nCOPY app.py .\n").with("docker-compose.yml", """
                services:
                  migrate: {build: ., command: ["python", "-m", "scripts.migrate"], depends_on: [db]}
                  app-1: {build: ., depends_on: {db: {condition: service_healthy}, cache: {condition: service_healthy}, migrate: {condition: service_completed_successfully}}}
                  app-2: {build: ., depends_on: {app-1: {condition: service_healthy}}}
                  nginx: {image: "nginx:1.27", depends_on: [app-1, app-2]}
                  db: {image: "postgres:16", volumes: [dbdata:/var/lib/postgresql/data]}
                  cache: {image: "redis:7"}
                volumes: {dbdata: {}}
                """).judge(new VolumesAndDependencies());

        assertThat(verdict.found()).as(verdict.reason()).doesNotContain("depend_on");
    }
}
