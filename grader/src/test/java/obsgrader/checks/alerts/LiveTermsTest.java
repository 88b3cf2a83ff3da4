package obsgrader.checks.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import obsgrader.clients.PrometheusApi;
import obsgrader.submission.Yaml;
import org.junit.jupiter.api.Test;

/**
 * What a live run takes from the stack's own Prometheus rather than from names: the API's targets and the alerts
 * pending or firing under the load phase. The answers are Prometheus's own, captured from a live grading of the
 * reference (src/test/resources/prometheus-api, see its README).
 */
class LiveTermsTest {
    @Test
    void theApiIsTheTargetScrapedAtItsHostWhateverItsJob() throws IOException {
        List<PrometheusApi.LabelledTarget> targets = PrometheusApi.labelledTargets(captured("targets.json"));

        assertThat(SubmissionTerms.apiTargets(targets, Set.of("api"), () -> { throw new AssertionError("not needed"); }))
                .containsExactly(Map.of("job", "api", "instance", "api:5000"));
        // the node exporter's service is node-exporter, its job "node": the job comes from the target, not the name
        assertThat(SubmissionTerms.apiTargets(targets, Set.of("node-exporter"), () -> { throw new AssertionError("not needed"); }))
                .extracting(labels -> labels.get("job")).containsExactly("node");
    }

    @Test
    void aBlackboxProbeOfTheApiIsNotTheApi() throws IOException {
        List<PrometheusApi.LabelledTarget> targets = PrometheusApi.labelledTargets(captured("targets.json"));

        assertThat(targets).anyMatch(t -> t.scrapeUrl().contains("/probe") && t.scrapeUrl().contains("api"));
        assertThat(SubmissionTerms.apiTargets(targets, Set.of("api"), () -> null)).noneMatch(labels -> labels.get("job").startsWith("blackbox"));
    }

    @Test
    void withoutAnApiServiceRecognisedTheTargetsExposingTheRequestCounterAreTheApi() throws IOException {
        List<PrometheusApi.LabelledTarget> targets = PrometheusApi.labelledTargets(captured("targets.json"));
        JsonNode exposing = captured("request-counter-targets.json").path("data").path("result");

        assertThat(SubmissionTerms.apiTargets(targets, Set.of(), () -> exposing))
                .containsExactly(Map.of("job", "api", "instance", "api:5000"));
    }

    @Test
    void incidentsArePlayedOnTheTargetsJobInstanceAndOwnLabels() {
        Map<String, String> flaskApp = new LinkedHashMap<>();
        flaskApp.put("instance", "flask-app:5000");
        flaskApp.put("job", "flask-app");
        flaskApp.put("service", "flask-app");
        SubmissionTerms terms = SubmissionTerms.of(Map.of(), List.of(flaskApp));

        assertThat(terms.apply("up{job=\"api\", instance=\"api:5000\"}"))
                .containsExactly("up{instance=\"flask-app:5000\", job=\"flask-app\", service=\"flask-app\"}");
        assertThat(terms.apply("http_requests_total{method=\"GET\", status=\"500\", job=\"api\", instance=\"api:5000\"}"))
                .containsExactly("http_requests_total{method=\"GET\", status=\"500\", instance=\"flask-app:5000\", job=\"flask-app\", service=\"flask-app\"}");
    }

    @Test
    void aTargetLabelTheSeriesAlreadyHasStaysTheSeriesOwn() {
        SubmissionTerms terms = SubmissionTerms.of(Map.of(), List.of(Map.of("job", "shop", "instance", "shop:8000", "method", "scrape")));

        assertThat(terms.apply("http_requests_total{method=\"GET\", job=\"api\", instance=\"api:5000\"}").get(0))
                .contains("method=\"GET\"").doesNotContain("scrape").contains("job=\"shop\"", "instance=\"shop:8000\"");
    }

    @Test
    void alertsPendingAsTheHealthyWavesEndAreFalsePositivesButThoseOnTheHostAndTheSlosAreLeftOut() throws IOException {
        // the reference as it was, OrderFailureRate at the lab's 2 % and HighErrorRate at 5 %, as the crowd ended
        JsonNode result = captured("alerts-under-load.json").path("data").path("result");

        assertThat(HealthyTrafficAlerts.names(result, Set.of("HighCPU", "SLOLatencyBreach", "SLOErrorBudgetExhausted",
                "SLOAvailabilityBreach", "SLOErrorRateBreach")))
                .containsExactly("HighErrorRate (pending)", "OrderFailureRate (pending)");
        assertThat(HealthyTrafficAlerts.names(result, Set.of())).contains("HighCPU (pending)").doesNotHaveDuplicates();
        assertThat(HealthyTrafficAlerts.query(java.time.Instant.ofEpochSecond(1796640875)))
                .isEqualTo("ALERTS{alertstate=~\"pending|firing\"} @ 1796640875");
    }

    private static JsonNode captured(String file) throws IOException {
        try (InputStream in = LiveTermsTest.class.getResourceAsStream("/prometheus-api/" + file)) {
            return Yaml.JSON.readTree(in);
        }
    }

    @Test
    void anAlertOnATargetsAvailabilityIsNoFalsePositiveUnderLoadSinceItSaysATargetIsReallyDown() {
        assertThat(HealthyTrafficAlerts.readsAvailability("up{job=\"nginx\"} == 0")).isTrue();
        assertThat(HealthyTrafficAlerts.readsAvailability("avg_over_time(probe_success[1m]) < 1")).isTrue();
        assertThat(HealthyTrafficAlerts.readsAvailability("absent(up{job=\"api\"})")).isTrue();
        assertThat(HealthyTrafficAlerts.readsAvailability("sum(rate(orders_total{status=\"failed\"}[5m])) / sum(rate(orders_total[5m])) > 0.02")).isFalse();
        assertThat(HealthyTrafficAlerts.readsAvailability("rate(http_requests_total{job=\"backup\"}[5m]) > 1")).isFalse();
    }

    @Test
    void anAlertOnTheApisOwnMetricsIsLeftToTheLabTrafficModelSinceLiveItIsADraw() {
        assertThat(HealthyTrafficAlerts.leftOut("sum(rate(orders_total{status=\"failed\"}[5m])) / sum(rate(orders_total[5m])) > 0.02")).isTrue();
        assertThat(HealthyTrafficAlerts.leftOut("histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m]))) > 0.5")).isTrue();
        assertThat(HealthyTrafficAlerts.leftOut("http_requests_active > 50")).isTrue();
        assertThat(HealthyTrafficAlerts.leftOut("pg_stat_activity_count > 5")).as("an exporter's series: judged live").isFalse();
        assertThat(HealthyTrafficAlerts.leftOut("nginx_connections_active > 10")).isFalse();
        assertThat(HealthyTrafficAlerts.leftOut("my_http_requests_total_errors > 1")).as("another name that merely contains one").isFalse();
        assertThat(HealthyTrafficAlerts.leftOut(Symptom.expanded("job:errors:ratio5m > 0.02",
                Map.of("job:errors:ratio5m", "sum(rate(http_requests_total{status=~\"5..\"}[5m])) / sum(rate(http_requests_total[5m]))"))))
                .as("through a recording rule").isTrue();
    }
}
