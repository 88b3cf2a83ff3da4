package obsgrader.checks.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import obsgrader.checks.Fixture;
import obsgrader.checks.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertsAnnotatedTest {
    @TempDir
    Path folder;

    @Test
    void awardsTheReferenceAlerts() throws Exception {
        Verdict verdict = new Fixture(folder).withReferencePrometheus().judge(new AlertsAnnotated());

        assertThat(verdict.full()).as(verdict.reason()).isTrue();
    }

    @Test
    void listsTheAlertsTheLabLeavesWithoutDescription() throws Exception {
        Verdict verdict = new Fixture(folder).withReferencePrometheus()
                .with("prometheus/rules/infrastructure.yml", """
                        groups:
                          - name: infrastructure
                            rules:
                              - alert: InstanceDown
                                expr: up == 0
                                for: 1m
                                annotations:
                                  summary: "Instance {{ $labels.instance }} is down"
                                  description: "{{ $labels.job }} has been down for more than 1 minute"
                              - alert: HighMemory
                                expr: (1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes) * 100 > 85
                                for: 5m
                                annotations:
                                  summary: "High memory usage on {{ $labels.instance }}"
                              - alert: Silent
                                expr: vector(1)
                        """)
                .judge(new AlertsAnnotated());

        assertThat(verdict.fraction()).isLessThan(1).isGreaterThan(0.8);
        assertThat(verdict.found()).contains("2 of ", "infrastructure.yml:10 HighMemory (no description)",
                "infrastructure.yml:15 Silent (no summary, no description)");
        assertThat(verdict.where()).isEqualTo("infrastructure.yml");
    }

    @Test
    void aSummaryWithoutDescriptionIsHalfAnAlertsShare() throws Exception {
        Verdict verdict = new Fixture(folder).withReference("docker-compose.yml").withReference("prometheus/prometheus.yml")
                .with("prometheus/rules/alert.rules.yml", """
                        groups:
                          - name: web
                            rules:
                              - alert: httpd_down
                                expr: probe_success{job="httpd"} == 0
                                annotations: {summary: "httpd is down"}
                              - alert: nginx_down
                                expr: probe_success{job="nginx"} == 0
                                annotations: {summary: "nginx is down"}
                        """).judge(new AlertsAnnotated());

        assertThat(verdict.fraction()).isEqualTo(0.5);
        assertThat(verdict.found()).contains("2 of 2 alerts", "(no description)");
    }

    @Test
    void studentsOwnKeysForTheSummaryAndDescriptionCount() throws Exception {
        Verdict verdict = new Fixture(folder).withReference("docker-compose.yml").withReference("prometheus/prometheus.yml")
                .with("prometheus/rules/alertes.yml", """
                        groups:
                          - name: api
                            rules:
                              - alert: ApiIndisponible
                                expr: up{job="api"} == 0
                                annotations:
                                  titre: "L'API ne répond plus"
                                  message: "{{ $labels.instance }} est injoignable depuis 1 minute"
                        """).judge(new AlertsAnnotated());

        assertThat(verdict.full()).as(verdict.reason()).isTrue();
    }
}
