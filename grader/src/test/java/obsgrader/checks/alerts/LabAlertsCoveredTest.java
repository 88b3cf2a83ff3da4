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

    @Test
    void anOutageAlertOnTheStudentsOwnJobIsAliveWhenTheApiIsAServiceTheyBuild() throws Exception {
        Verdict verdict = new Fixture(folder).with("docker-compose.yml", """
                services:
                  flask-app:
                    build: .
                    ports: ["5000:5000"]
                  prometheus:
                    image: prom/prometheus:v2.53.0
                    volumes: ["./prometheus.yml:/etc/prometheus/prometheus.yml", "./alert_rules.yml:/etc/prometheus/alert_rules.yml"]
                """).with("prometheus.yml", """
                global: {scrape_interval: 15s, evaluation_interval: 15s}
                rule_files: [alert_rules.yml]
                scrape_configs:
                  - job_name: flask-app
                    static_configs: [{targets: ["flask-app:5000"]}]
                """).with("alert_rules.yml", """
                groups:
                  - name: disponibilite
                    rules:
                      - alert: AppDown
                        expr: up{job="flask-app"} == 0
                        for: 1m
                        labels: {severity: critical}
                        annotations: {summary: "flask-app est down", description: "{{ $labels.instance }} ne répond plus"}
                """).judge(new LabAlertsCovered());

        assertThat(verdict.found()).doesNotContain("AppDown (alert_rules.yml").contains("InstanceDown by AppDown");
    }

    @Test
    void withoutAnApiAnOutageOfAnyOfItsTargetsIsTheIncident() throws Exception {
        Verdict verdict = new Fixture(folder).with("docker-compose.yml", """
                services:
                  nginx:
                    image: nginx:1.25
                  blackbox:
                    image: prom/blackbox-exporter:v0.25.0
                  prometheus:
                    image: prom/prometheus:v2.53.0
                    volumes: ["./prometheus:/etc/prometheus"]
                """).with("prometheus/prometheus.yml", """
                rule_files: [alert.rules]
                scrape_configs:
                  - job_name: nginx
                    metrics_path: /probe
                    params: {module: [http_2xx]}
                    static_configs: [{targets: ["http://nginx:80"]}]
                    relabel_configs:
                      - {source_labels: [__address__], target_label: __param_target}
                      - {source_labels: [__param_target], target_label: instance}
                      - {target_label: __address__, replacement: "blackbox:9115"}
                """).with("prometheus/alert.rules", """
                groups:
                  - name: web
                    rules:
                      - alert: nginx_down
                        expr: probe_success{instance="http://nginx:80",job="nginx"} == 0
                        for: 1m
                        labels: {severity: critical}
                        annotations: {summary: "nginx is down"}
                """).judge(new LabAlertsCovered());

        assertThat(verdict.found()).contains("caught: InstanceDown by").doesNotContain("fire on healthy").doesNotContain("(InstanceDown)");
    }

    @Test
    void aLoadAverageAlertCatchesTheBusyCpu() throws Exception {
        Verdict verdict = reference().with("prometheus/rules/infrastructure.yml",
                referenceFile("prometheus/rules/infrastructure.yml").replace(
                        "expr: 100 - (avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\"}[5m])) * 100) > 80",
                        "expr: node_load1 > 1.5")).judge(new LabAlertsCovered());

        assertThat(verdict.found()).contains("HighCPU by HighCPU").doesNotContain("fire on healthy");
    }

    @Test
    void anAbsentAlertFiringOnTheSyntheticSeriesIsNotChargedAsAFalsePositive() throws Exception {
        Verdict verdict = reference().with("prometheus/rules/processes.yml", """
                groups:
                  - name: processes
                    rules:
                      - alert: MainApplicationProcessMissing
                        expr: absent(namedprocess_namegroup_num_procs{groupname="gunicorn"})
                        for: 2m
                        labels: {severity: critical}
                        annotations: {summary: "gunicorn is gone", description: "no gunicorn process on {{ $labels.instance }}"}
                """).judge(new LabAlertsCovered());

        assertThat(verdict.fraction()).as(verdict.reason()).isEqualTo(1.0);
        assertThat(verdict.found()).contains("absent() alerts fire on the synthetic healthy series", "MainApplicationProcessMissing");
    }

    @Test
    void theLabListingsOrderFailureThresholdPagesOnTheLabsOwnHealthyTrafficEveryTime() throws Exception {
        // the lab's listing: OrderFailureRate above 2 % and HighErrorRate above 5 % per endpoint, where the API fails
        // about 5 % of orders by design; judged on series, so the same files draw the same verdict each run
        Fixture listing = reference().with("prometheus/rules/application.yml", referenceFile("prometheus/rules/application.yml")
                .replace("* 100 > 10\n        for: 5m\n        labels:\n          severity: warning\n        annotations:\n          summary: \"High error rate",
                        "* 100 > 5\n        for: 5m\n        labels:\n          severity: warning\n        annotations:\n          summary: \"High error rate")
                .replace("* 100 > 10\n        for: 5m\n        labels:\n          severity: warning\n        annotations:\n          summary: \"High order failure rate",
                        "* 100 > 2\n        for: 5m\n        labels:\n          severity: warning\n        annotations:\n          summary: \"High order failure rate"));

        for (int run = 0; run < 2; run++) {
            Verdict verdict = listing.judge(new LabAlertsCovered());

            assertThat(verdict.found()).contains("alerts fire on the lab's healthy traffic, whose API fails about 5 % of orders by design (promtool, 4.7 % of orders failing), so they would page all day: OrderFailureRate")
                    .contains("caught: InstanceDown by InstanceDown").doesNotContain("cover nothing");
            assertThat(verdict.found()).as("5 % per endpoint is the designed rate, quiet on average: HighErrorRate is not named")
                    .contains("so they would page all day: OrderFailureRate; ");
            assertThat(verdict.fraction()).as("it still catches its incident; one incident's worth for paging on a healthy shop")
                    .isEqualTo(1 - 1.0 / 8);
        }
    }

    @Test
    void anAlertOnAnyServerErrorPagesOnTheLabsOwnTraffic() throws Exception {
        Verdict verdict = reference().with("prometheus/rules/errors.yml", """
                groups:
                  - name: errors
                    rules:
                      - alert: AnyServerError
                        expr: sum(increase(http_requests_total{status=~"5.."}[5m])) > 0
                        for: 1m
                        labels: {severity: warning}
                        annotations: {summary: "5xx seen", description: "{{ $value }} errors in 5 minutes"}
                """).judge(new LabAlertsCovered());

        assertThat(verdict.found()).contains("so they would page all day: AnyServerError");
        assertThat(verdict.fraction()).isEqualTo(1 - 1.0 / 8);
    }
}
