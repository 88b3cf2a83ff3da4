package obsgrader.checks.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import obsgrader.checks.Fixture;
import obsgrader.checks.Verdict;
import java.util.List;
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

        assertThat(verdict.found()).contains("alerts fire on healthy series, so they cover nothing: InstanceDown");
        assertThat(verdict.fraction()).isLessThan(1.0);
    }

    @Test
    void withoutTheApplicationRulesTheApplicationIncidentsAreMissed() throws Exception {
        Verdict verdict = reference().with("prometheus/rules/application.yml", "groups: []\n")
                .judge(new LabAlertsCovered());

        String missed = verdict.found().split("; caught: ")[0];
        assertThat(missed).contains("OrderFailureRate").contains("HighActiveRequests").doesNotContain("InstanceDown");
        assertThat(verdict.found()).contains("caught: InstanceDown by InstanceDown");
        assertThat(verdict.fraction()).isLessThanOrEqualTo(0.75);
    }

    @Test
    void aDeadRuleHiddenBehindALiveOneIsStillADefect() throws Exception {
        Verdict verdict = reference().with("prometheus/rules/infrastructure.yml",
                referenceFile("prometheus/rules/infrastructure.yml").replace("expr: up == 0", "expr: up == 2")).judge(new LabAlertsCovered());

        assertThat(verdict.found()).contains("InstanceDown (infrastructure.yml:6) never fires when the api's target is down",
                "up{job=\"api\", instance=\"api:5000\"} 0x120");
        assertThat(verdict.fraction()).as("the probe alert still catches the outage: half of that incident").isLessThan(1.0);
    }

    @Test
    void incidentsArePlayedOnTheSubmissionsOwnStatusLabelAndJobNames() throws Exception {
        Fixture renamed = reference();
        for (String rules : List.of("application.yml", "slo.yml", "infrastructure.yml")) {
            renamed = renamed.with("prometheus/rules/" + rules, referenceFile("prometheus/rules/" + rules)
                    .replace("status=~", "status_code=~").replace("status!~", "status_code!~").replace("job=\"api\"", "job=\"shop-service\""));
        }
        renamed = renamed.with("prometheus/prometheus.yml", referenceFile("prometheus/prometheus.yml").replace("job_name: 'api'", "job_name: 'shop-service'"));

        Verdict verdict = renamed.judge(new LabAlertsCovered());

        assertThat(verdict.fraction()).as(verdict.reason()).isEqualTo(1.0);
    }

    private static String referenceFile(String path) throws java.io.IOException {
        return java.nio.file.Files.readString(Fixture.reference().resolve(path));
    }
}
