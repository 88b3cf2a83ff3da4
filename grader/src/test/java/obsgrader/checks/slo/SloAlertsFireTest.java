package obsgrader.checks.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import obsgrader.checks.Fixture;
import obsgrader.checks.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SloAlertsFireTest {
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
}
