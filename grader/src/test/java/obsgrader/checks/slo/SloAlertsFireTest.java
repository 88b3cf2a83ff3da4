package obsgrader.checks.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import obsgrader.checks.Fixture;
import obsgrader.checks.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SloAlertsFireTest {
    /** A student's SLO alerts that read no recorded SLI but name, in their annotations, the SLO they guard. */
    static final String RULES_NAMING_THEIR_SLO = """
                groups:
                  - name: api.slo
                    rules:
                      - alert: HighErrorRate
                        expr: sum(rate(http_requests_total{status_code=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.005
                        for: 2m
                        annotations:
                          description: "Le SLO de disponibilité (99,5 % de succès) est en danger"
                      - alert: HighP95Latency
                        expr: histogram_quantile(0.95, sum(rate(http_request_duration_seconds_bucket[5m])) by (le)) > 0.5
                        for: 3m
                        annotations:
                          description: "Le SLO de latence (p95 <= 500 ms) est dépassé"
                """;

    @TempDir
    Path folder;

    private Fixture reference() {
        return new Fixture(folder).withReferencePrometheus();
    }

    @Test
    void theReferenceSloAlertsFireOnABudgetBurn() throws Exception {
        Verdict verdict = reference().judge(new SloAlertsFire());

        assertThat(verdict.fraction()).as(verdict.reason()).isEqualTo(1.0);
    }

    @Test
    void recordingRulesWithoutAlertsFireNothing() throws Exception {
        Verdict verdict = reference().with("prometheus/rules/slo.yml", """
                groups:
                  - name: slo
                    rules:
                      - record: sli:availability:ratio_rate5m
                        expr: sum(rate(http_requests_total{status!~"5.."}[5m])) / sum(rate(http_requests_total[5m]))
                """).judge(new SloAlertsFire());

        assertThat(verdict.fraction()).isZero();
        assertThat(verdict.found()).isEqualTo("no alert watches the availability SLI or a burn rate (see slo.alerts-budget)");
    }

    @Test
    void anErrorRateAlertSetAtTheSloFiresOnABudgetBurn() throws Exception {
        Verdict verdict = new Fixture(folder).withReference("docker-compose.yml").withReference("prometheus/prometheus.yml")
                .with("prometheus/rules/slo.yml", RULES_NAMING_THEIR_SLO).judge(new SloAlertsFire());

        assertThat(verdict.fraction()).as(verdict.reason()).isEqualTo(1.0);
    }
}
