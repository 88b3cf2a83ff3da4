package obsgrader.checks.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import obsgrader.checks.Fixture;
import obsgrader.checks.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasourceProvisionedTest {
    private static final String DATASOURCES = "grafana/provisioning/datasources/datasources.yml";

    @TempDir
    Path folder;

    @Test
    void awardsTheReferenceDatasource() throws Exception {
        Verdict verdict = new Fixture(folder).withReference("docker-compose.yml").withReference(DATASOURCES)
                .judge(new DatasourceProvisioned());

        assertThat(verdict.full()).as(verdict.reason()).isTrue();
        assertThat(verdict.where()).startsWith(DATASOURCES + ":");
    }

    @Test
    void givesAThirdToADatasourcePointingAtLocalhost() throws Exception {
        Verdict verdict = new Fixture(folder).withReference("docker-compose.yml")
                .with(DATASOURCES, """
                        apiVersion: 1
                        datasources:
                          - name: Prometheus
                            type: prometheus
                            url: http://localhost:9090
                        """)
                .judge(new DatasourceProvisioned());

        assertThat(verdict.fraction()).as("provisioned, but it reaches Grafana itself").isEqualTo(1.0 / 3);
        assertThat(verdict.found()).contains("http://localhost:9090");
        assertThat(verdict.where()).isEqualTo(DATASOURCES + ":5");
        assertThat(verdict.hint()).contains("http://prometheus:9090");
    }

    @Test
    void givesNothingForADatasourcesFileGrafanaNeverReads() throws Exception {
        Verdict verdict = new Fixture(folder)
                .with("docker-compose.yml", """
                        services:
                          metrics:
                            image: prom/prometheus:v2.47.0
                          grafana:
                            image: grafana/grafana:10.2.0
                            volumes:
                              - ./grafana/provisioning:/etc/grafana/provisioning
                        """)
                .with("grafana/provisionnement/datasources/prometheus.yml", """
                        datasources:
                          - name: Prom
                            type: prometheus
                            url: http://metrics:9090/
                        """)
                .judge(new DatasourceProvisioned());

        assertThat(verdict.fraction()).isZero();
        assertThat(verdict.found()).contains("grafana/provisionnement/datasources/prometheus.yml",
                "Grafana never reads it", "/etc/grafana/provisioning/datasources/");
    }

    @Test
    void findsADatasourcesFileMountedOnItsOwnAndKnowsTheServiceName() throws Exception {
        Verdict verdict = new Fixture(folder)
                .with("docker-compose.yml", """
                        services:
                          metrics:
                            image: prom/prometheus:v2.47.0
                          grafana:
                            image: grafana/grafana:10.2.0
                            volumes:
                              - ./monitoring/grafana-datasources.yaml:/etc/grafana/provisioning/datasources/ds.yaml:ro
                        """)
                .with("monitoring/grafana-datasources.yaml", """
                        datasources:
                          - name: Prom
                            type: prometheus
                            url: http://metrics:9090/
                        """)
                .judge(new DatasourceProvisioned());

        assertThat(verdict.full()).as(verdict.reason()).isTrue();
    }

    @Test
    void givesTwoThirdsToADatasourceCreatedThroughTheApiByAStartScript() throws Exception {
        Verdict verdict = new Fixture(folder)
                .with("docker-compose.yml", """
                        services:
                          prometheus:
                            image: prom/prometheus:v2.53.0
                          grafana:
                            image: grafana/grafana:11.1.0
                            entrypoint: /init-grafana.sh
                            volumes:
                              - ./grafana/init-grafana.sh:/init-grafana.sh
                              - ./grafana/sources:/etc/grafana/sources
                        """)
                .with("grafana/init-grafana.sh", """
                        #!/bin/bash
                        /run.sh &
                        until curl -s http://admin:admin@localhost:3000/api/health; do sleep 2; done
                        for f in /etc/grafana/sources/*.json; do
                          curl -s -X POST -H "Content-Type: application/json" --data @"$f" http://admin:admin@localhost:3000/api/datasources
                        done
                        wait
                        """)
                .with("grafana/sources/prom.json", """
                        {"name": "Prom", "type": "prometheus", "url": "http://prometheus:9090", "access": "proxy"}
                        """)
                .judge(new DatasourceProvisioned());

        assertThat(verdict.fraction()).as(verdict.reason()).isEqualTo(2.0 / 3);
        assertThat(verdict.found()).contains("grafana/init-grafana.sh", "HTTP API", "grafana/sources/prom.json");
    }

    @Test
    void givesNothingWithoutAPrometheusDatasource() throws Exception {
        Verdict verdict = new Fixture(folder).withReference("docker-compose.yml")
                .with(DATASOURCES, "datasources:\n  - name: Logs\n    type: loki\n    url: http://loki:3100\n")
                .judge(new DatasourceProvisioned());

        assertThat(verdict.fraction()).isZero();
        assertThat(verdict.found()).contains("loki");
    }
}
