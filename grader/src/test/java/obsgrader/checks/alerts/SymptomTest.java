package obsgrader.checks.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import obsgrader.checks.Fixture;
import obsgrader.checks.alerts.Symptom.Watcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymptomTest {
    @TempDir
    Path folder;

    @Test
    void theReferenceAlertsAreSortedByWhatTheyWatchThroughTheirRecordingRules() {
        Map<Symptom, List<Watcher>> alerts = Symptom.alertsOf(new Fixture(folder).withReferencePrometheus().submission());

        assertThat(alerts).containsOnlyKeys(Symptom.values());
        assertThat(names(alerts, Symptom.ERROR_RATE)).contains("HighErrorRate", "SLOAvailabilityBreach", "SLOErrorRateBreach")
                .doesNotContain("InstanceDown", "HighLatencyP95", "SLOLatencyBreach");
        assertThat(names(alerts, Symptom.ORDER_FAILURES)).containsExactly("OrderFailureRate");
        assertThat(names(alerts, Symptom.LATENCY)).containsExactly("HighLatencyP95", "SLOLatencyBreach");
        assertThat(names(alerts, Symptom.SLO)).contains("SLOAvailabilityBreach", "SLOLatencyBreach", "SLOErrorBudgetBurn")
                .doesNotContain("HighErrorRate", "OrderFailureRate");
        assertThat(alerts.get(Symptom.SLO)).filteredOn(w -> w.alert().equals("SLOErrorBudgetBurn")).extracting(Watcher::window)
                .as("its two rules' longest windows").containsExactly(Duration.ofHours(1), Duration.ofHours(6));
        assertThat(alerts.get(Symptom.ORDER_FAILURES).get(0).reads()).containsExactly("orders_total");
        assertThat(alerts.get(Symptom.SLO)).filteredOn(w -> w.alert().equals("SLOAvailabilityBreach"))
                .flatExtracting(Watcher::reads).containsExactly("sli:availability:ratio_rate5m");
    }

    private static List<String> names(Map<Symptom, List<Watcher>> alerts, Symptom symptom) {
        return alerts.get(symptom).stream().map(Watcher::alert).distinct().toList();
    }

    @Test
    void theSeriesAnExpressionReadsAreNamedWithoutItsLabelValuesOrFunctions() {
        assertThat(Symptom.seriesNamed("sum by (endpoint) (rate(http_requests_total{job=\"api\", instance=\"http://api:5000\"}[5m]))"
                + " / on () group_left job:requests:rate5m > bool 0.05")).containsExactly("http_requests_total", "job:requests:rate5m");
    }

    @Test
    void recordedSeriesAreSpelledOutRecursively() {
        Map<String, String> recorded = Map.of(
                "sli:errors:ratio_rate5m", "sum(rate(http_requests_total{status=~\"5..\"}[5m])) / job:requests:rate5m",
                "job:requests:rate5m", "sum(rate(http_requests_total[5m]))");

        assertThat(Symptom.expanded("sli:errors:ratio_rate5m > 0.01", recorded))
                .isEqualTo("(sum(rate(http_requests_total{status=~\"5..\"}[5m])) / (sum(rate(http_requests_total[5m])))) > 0.01");
        assertThat(Symptom.expanded("sli:errors:ratio_rate5m_extra > 1", recorded)).as("names match whole")
                .isEqualTo("sli:errors:ratio_rate5m_extra > 1");
    }
}
