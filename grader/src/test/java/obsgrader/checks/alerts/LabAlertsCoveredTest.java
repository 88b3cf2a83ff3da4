package obsgrader.checks.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import obsgrader.checks.Fixture;
import obsgrader.checks.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabAlertsCoveredTest {
    @TempDir
    Path folder;

    private Fixture reference() {
        return new Fixture(folder).withReferencePrometheus();
    }

    @Test
    void theReferenceRulesCatchEveryIncidentAndStayQuietWhenHealthy() throws Exception {
        Verdict verdict = reference().judge(new LabAlertsCovered());

        assertThat(verdict.fraction()).as(verdict.reason()).isEqualTo(1.0);
    }

    @Test
    void anInvertedInstanceDownFiresOnHealthyTargets() throws Exception {
        Verdict verdict = reference().with("prometheus/rules/infrastructure.yml", """
                groups:
                  - name: infrastructure
                    rules:
                      - alert: InstanceDown
                        expr: up == 1
                        for: 1m
                        labels: {severity: critical}
                        annotations: {summary: "{{ $labels.instance }} down", description: "down"}
                """).judge(new LabAlertsCovered());

        assertThat(verdict.found()).contains("alerts fire on healthy series: InstanceDown");
        assertThat(verdict.fraction()).isLessThan(1.0);
    }

    @Test
    void withoutTheApplicationRulesTheApplicationIncidentsAreMissed() throws Exception {
        Verdict verdict = reference().with("prometheus/rules/application.yml", "groups: []\n")
                .judge(new LabAlertsCovered());

        assertThat(verdict.found()).contains("OrderFailureRate").contains("HighActiveRequests")
                .doesNotContain("InstanceDown");
        assertThat(verdict.fraction()).isLessThanOrEqualTo(0.75);
    }
}
