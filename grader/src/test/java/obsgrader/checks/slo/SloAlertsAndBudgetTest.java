package obsgrader.checks.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import obsgrader.checks.Fixture;
import obsgrader.checks.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SloAlertsAndBudgetTest {
    /** The lab's listing (part 2.3): the SLIs and two breach alerts, no budget nor burn rate. */
    private static final String LAB_SLO_RULES = """
            groups:
              - name: slo
                rules:
                  - record: sli:availability:ratio_rate5m
                    expr: sum(rate(http_requests_total{status!~"5.."}[5m])) / sum(rate(http_requests_total[5m]))
                  - record: sli:latency:ratio_rate5m
                    expr: sum(rate(http_request_duration_seconds_bucket{le="0.3"}[5m])) / sum(rate(http_request_duration_seconds_count[5m]))
                  - alert: SLOAvailabilityBreach
                    expr: sli:availability:ratio_rate5m < 0.995
                    for: 5m
                  - alert: SLOLatencyBreach
                    expr: sli:latency:ratio_rate5m < 0.95
                    for: 5m
            """;

    @TempDir
    Path folder;

    @Test
    void awardsTheReferenceAlertsBudgetAndNoticesTheBurnRateAlerts() throws Exception {
        Verdict verdict = new Fixture(folder).withReferencePrometheus().withReference("grafana/dashboards/techshop.json")
                .judge(new SloAlertsAndBudget());

        assertThat(verdict.full()).as(verdict.reason()).isTrue();
        assertThat(verdict.found()).contains("availability alert SLOAvailabilityBreach", "latency alert SLOLatencyBreach",
                "noticed: multi-window burn-rate alerts (SLOErrorBudgetBurn");
    }

    @Test
    void deductsTheMissingBudgetOfTheLabsListing() throws Exception {
        Verdict verdict = new Fixture(folder).withReference("docker-compose.yml").withReference("prometheus/prometheus.yml")
                .with("prometheus/rules/slo.yml", LAB_SLO_RULES)
                .judge(new SloAlertsAndBudget());

        assertThat(verdict.fraction()).isEqualTo(0.5);
        assertThat(verdict.found()).contains("no multi-window burn-rate alert", "missing: the error budget or burn rate");
        assertThat(verdict.hint()).contains("14.4 over 1h and 5m");
    }

    @Test
    void seesAnInlineRatioThroughAndABudgetPanel() throws Exception {
        Verdict verdict = new Fixture(folder).withReference("docker-compose.yml").withReference("prometheus/prometheus.yml")
                .with("prometheus/rules/slo.yml", """
                        groups:
                          - name: slo
                            rules:
                              - alert: AvailabilityBelowObjective
                                expr: sum(rate(http_requests_total{status!~"5.."}[5m])) / sum(rate(http_requests_total[5m])) < 0.995
                        """)
                .with("grafana/dashboards/slo.json", """
                        {"panels": [{"id": 1, "type": "stat", "title": "Budget restant",
                          "targets": [{"expr": "100 * (1 - (1 - sli:availability:ratio_rate5m) / (1 - 0.995))"}]}]}
                        """)
                .judge(new SloAlertsAndBudget());

        assertThat(verdict.fraction()).isEqualTo(0.75);
        assertThat(verdict.found()).contains("slo.json panel \"Budget restant\" (id 1)", "missing: an alert on the latency SLI");
    }

    @Test
    void alertsThatNameTheSloTheyGuardAreSloAlertsWithoutARecordedSli() throws Exception {
        Verdict verdict = new Fixture(folder).withReference("docker-compose.yml").withReference("prometheus/prometheus.yml")
                .with("prometheus/rules/slo.yml", SloAlertsFireTest.RULES_NAMING_THEIR_SLO).judge(new SloAlertsAndBudget());

        assertThat(verdict.fraction()).as(verdict.reason()).isEqualTo(0.5);
        assertThat(verdict.found()).contains("availability alert HighErrorRate", "latency alert HighP95Latency");
    }
}
