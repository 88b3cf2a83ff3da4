package obsgrader.checks.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import obsgrader.checks.Check;
import obsgrader.checks.Fixture;
import obsgrader.checks.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticAlertChecksTest {
    @TempDir
    Path folder;

    private Fixture reference() {
        return new Fixture(folder).withReferencePrometheus().withReference("alertmanager/alertmanager.yml");
    }

    @Test
    void theReferenceRulesAndAlertmanagerConfigEarnFullMarks() throws Exception {
        Fixture reference = reference();

        for (Check check : List.of(new RuleFilesValid(), new AlertQuality(), new AlertmanagerConfigValid())) {
            Verdict verdict = reference.judge(check);
            assertThat(verdict.fraction()).as(check.id() + ": " + verdict.reason()).isEqualTo(1.0);
        }
    }

    @Test
    void twoRuleFilesAndAGlobMatchingNothingLosePoints() throws Exception {
        String config = Files.readString(Fixture.reference().resolve("prometheus/prometheus.yml"))
                .replace("/etc/prometheus/rules/*.yml", "/etc/prometheus/alerts/*.yml");

        Verdict verdict = new Fixture(folder).withReference("docker-compose.yml").with("prometheus/prometheus.yml", config)
                .withReference("prometheus/rules/infrastructure.yml").judge(new RuleFilesValid());

        assertThat(verdict.fraction()).isZero();
        assertThat(verdict.found()).contains("matches no file").contains("0 rule file(s) loaded");
    }

    @Test
    void aRuleFilePromtoolRejectsIsQuoted() throws Exception {
        Verdict verdict = reference().with("prometheus/rules/slo.yml", """
                groups:
                  - name: slo
                    rules:
                      - alert: Broken
                        expr: sum(rate(http_requests_total[5m])
                """).judge(new RuleFilesValid());

        assertThat(verdict.fraction()).isEqualTo(0.5);
        assertThat(verdict.found()).contains("promtool check rules").contains("could not parse expression");
    }

    @Test
    void alertsWithoutSeverityTemplatesOrForAreListedWithTheirLine() throws Exception {
        Verdict verdict = reference().with("prometheus/rules/slo.yml", """
                groups:
                  - name: slo
                    rules:
                      - alert: Bare
                        expr: rate(http_requests_total[15s]) > 1
                        annotations:
                          summary: too many requests
                """).judge(new AlertQuality());

        assertThat(verdict.fraction()).isLessThan(1.0);
        assertThat(verdict.found()).contains("slo.yml:4 Bare").contains("no severity label")
                .contains("not templated").contains("for 'none'").contains("[15s]");
    }

    @Test
    void aRateOfAGaugeIsNamed() throws Exception {
        Verdict verdict = reference().with("prometheus/rules/slo.yml", """
                groups:
                  - name: slo
                    rules:
                      - alert: Busy
                        expr: increase(http_requests_active{job="api"}[5m]) > 5
                        for: 5m
                        labels:
                          severity: warning
                        annotations:
                          summary: "Busy: {{ $value }} more requests in flight"
                """).judge(new AlertQuality());

        assertThat(verdict.found()).contains("slo.yml:4 Busy: increase() of the gauge http_requests_active");
    }

    @Test
    void anAlertmanagerConfigThatDeliversNowhereEarnsNothing() throws Exception {
        Verdict verdict = reference().with("alertmanager/alertmanager.yml", """
                route:
                  receiver: nobody
                receivers:
                  - name: nobody
                """).judge(new AlertmanagerConfigValid());

        assertThat(verdict.fraction()).as("valid for amtool, but no alert reaches anyone").isZero();
        assertThat(verdict.found()).contains("no receiver delivers");
    }

    @Test
    void aReceiverWithThePlaceholdersOfTheDocsOrAHostNobodyHasDeliversNowhere() throws Exception {
        Verdict placeholder = reference().with("alertmanager/alertmanager.yml", """
                route:
                  receiver: slack
                receivers:
                  - name: slack
                    slack_configs:
                      - api_url: https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX
                        channel: '#alerts'
                """).judge(new AlertmanagerConfigValid());
        Verdict nobodysHost = reference().with("alertmanager/alertmanager.yml", """
                route:
                  receiver: mail
                receivers:
                  - name: mail
                    email_configs:
                      - to: oncall@techshop.fr
                        from: alertmanager@techshop.fr
                        smarthost: mail.techshop.local:587
                """).judge(new AlertmanagerConfigValid());

        assertThat(placeholder.fraction()).isZero();
        assertThat(placeholder.found()).contains("\"slack\" (T00000000)");
        assertThat(nobodysHost.fraction()).isZero();
        assertThat(nobodysHost.found()).contains("mail.techshop.local is neither a service of the stack nor an outside host");
    }

    @Test
    void groupsStandInForMissingRuleFilesAtHalfTheirShare() throws Exception {
        Verdict verdict = new Fixture(folder).withReference("docker-compose.yml")
                .withReference("prometheus/prometheus.yml")
                .with("prometheus/rules/alerts.yml", """
                        groups:
                          - name: api.slo
                            rules:
                              - alert: HighErrorRate
                                expr: sum(rate(http_requests_total{status=~"5.."}[5m])) / sum(rate(http_requests_total[5m])) > 0.005
                          - name: system.saturation
                            rules:
                              - alert: LowMemoryAvailable
                                expr: node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes < 0.1
                          - name: prometheus.health
                            rules:
                              - alert: PrometheusTargetDown
                                expr: up == 0
                        """).judge(new RuleFilesValid());

        assertThat(verdict.fraction()).as(verdict.reason()).isEqualTo(2.0 / 3, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(verdict.found()).contains("their 3 groups", "2 group(s) count for a missing file");
    }
}
