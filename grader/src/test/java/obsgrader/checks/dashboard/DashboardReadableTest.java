package obsgrader.checks.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import obsgrader.checks.Fixture;
import obsgrader.checks.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardReadableTest {
    @TempDir
    Path folder;

    @Test
    void awardsTheReferenceDashboard() throws Exception {
        Verdict verdict = new Fixture(folder).withReference(LabPanelsPresentTest.DASHBOARD).judge(new DashboardReadable());

        assertThat(verdict.full()).as(verdict.reason()).isTrue();
    }

    @Test
    void deductsPanelsWithoutUnitOutOfTheGridOrOverlapping() throws Exception {
        Verdict verdict = new Fixture(folder).with("dashboards/lab.json", """
                {"title": "Lab", "panels": [
                  {"id": 1, "type": "row", "title": "Overview", "gridPos": {"x": 0, "y": 0, "w": 24, "h": 1}},
                  {"id": 2, "type": "stat", "title": "Uptime", "gridPos": {"x": 0, "y": 1, "w": 12, "h": 4},
                   "fieldConfig": {"defaults": {"unit": "percent"}}},
                  {"id": 3, "type": "stat", "title": "Requests/s", "gridPos": {"x": 6, "y": 2, "w": 6, "h": 3},
                   "fieldConfig": {"defaults": {"unit": "reqps"}}},
                  {"id": 4, "type": "gauge", "title": "CPU", "gridPos": {"x": 12, "y": 1, "w": 14, "h": 4},
                   "targets": [{"expr": "100 * (1 - avg(rate(node_cpu_seconds_total{mode=\\"idle\\"}[5m])))"}]},
                  {"id": 5, "type": "heatmap", "title": "Latency", "gridPos": {"x": 0, "y": 5, "w": 24, "h": 8}},
                  {"id": 6, "type": "timeseries", "title": "", "gridPos": {"x": 0, "y": 13, "w": 24, "h": 8},
                   "fieldConfig": {"defaults": {}, "overrides": [{"properties": [{"id": "unit", "value": "s"}]}]}}
                ]}
                """).judge(new DashboardReadable());

        assertThat(verdict.fraction()).as("any unreadable panel halves the line; 1 of 5 readable").isEqualTo(0.5 / 5);
        assertThat(verdict.found()).contains(
                "lab.json panel \"Uptime\" (id 2) overlaps lab.json panel \"Requests/s\" (id 3)",
                "lab.json panel \"CPU\" (id 4) has no unit, ends at column 26 (x + w > 24)",
                "lab.json panel \"\" (id 6) has no title");
    }

    @Test
    void asksNoUnitOfACountAStateOrATitleThatStatesIt() throws Exception {
        Verdict verdict = new Fixture(folder).with("dashboards/lab.json", """
                {"title": "Lab", "panels": [
                  {"id": 1, "type": "stat", "title": "Services en ligne", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4},
                   "targets": [{"expr": "sum(up)"}]},
                  {"id": 2, "type": "stat", "title": "Alertes actives", "gridPos": {"x": 6, "y": 0, "w": 6, "h": 4},
                   "targets": [{"expr": "count(ALERTS{alertstate=\\"firing\\"})"}]},
                  {"id": 3, "type": "stat", "title": "API", "gridPos": {"x": 12, "y": 0, "w": 6, "h": 4},
                   "targets": [{"expr": "up{job=\\"api\\"}"}],
                   "fieldConfig": {"defaults": {"mappings": [{"type": "value", "options": {"0": {"text": "DOWN"}, "1": {"text": "UP"}}}]}}},
                  {"id": 4, "type": "timeseries", "title": "CPU %", "gridPos": {"x": 18, "y": 0, "w": 6, "h": 4},
                   "targets": [{"expr": "100 * rate(process_cpu_seconds_total[1m])"}]},
                  {"id": 5, "type": "timeseries", "title": "Latence p95", "gridPos": {"x": 0, "y": 4, "w": 24, "h": 8},
                   "targets": [{"expr": "histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))"}]}
                ]}
                """).judge(new DashboardReadable());

        assertThat(verdict.found()).as("only the p95 has a dimension and no unit").contains("1 of 5")
                .contains("\"Latence p95\" (id 5) has no unit").doesNotContain("(id 1)", "(id 2)", "(id 3)", "(id 4)");
    }

    @Test
    void comparesPanelsOfDifferentCollapsedRowsNever() throws Exception {
        Verdict verdict = new Fixture(folder).with("lab.json", """
                {"panels": [
                  {"type": "row", "title": "A", "collapsed": true, "gridPos": {"x": 0, "y": 0, "w": 24, "h": 1}, "panels": [
                    {"type": "stat", "title": "a", "gridPos": {"x": 0, "y": 1, "w": 24, "h": 4}, "fieldConfig": {"defaults": {"unit": "s"}}}]},
                  {"type": "row", "title": "B", "collapsed": true, "gridPos": {"x": 0, "y": 1, "w": 24, "h": 1}, "panels": [
                    {"type": "stat", "title": "b", "gridPos": {"x": 0, "y": 2, "w": 24, "h": 4}, "fieldConfig": {"defaults": {"unit": "s"}}}]}
                ]}
                """).judge(new DashboardReadable());

        assertThat(verdict.full()).as(verdict.reason()).isTrue();
    }

    /**
     * A unit that misreads its number is no unit (calibration traits: a rate of bytes under "bytes", a ratio under
     * "percent", a title in cores over a percentage); a unit that could be right is left alone.
     */
    @Test
    void aUnitThatMisreadsTheQueryIsAProblem() throws Exception {
        Verdict verdict = new Fixture(folder).with("dashboards/lab.json", """
                {"title": "Lab", "panels": [
                  {"id": 1, "type": "timeseries", "title": "Network in", "gridPos": {"x": 0, "y": 0, "w": 6, "h": 4},
                   "targets": [{"expr": "rate(node_network_receive_bytes_total[5m])"}], "fieldConfig": {"defaults": {"unit": "bytes"}}},
                  {"id": 2, "type": "gauge", "title": "Disk free", "gridPos": {"x": 6, "y": 0, "w": 6, "h": 4},
                   "targets": [{"expr": "node_filesystem_avail_bytes / node_filesystem_size_bytes"}], "fieldConfig": {"defaults": {"unit": "percent"}}},
                  {"id": 3, "type": "timeseries", "title": "CPU (cores/s)", "gridPos": {"x": 12, "y": 0, "w": 6, "h": 4},
                   "targets": [{"expr": "sum(rate(process_cpu_seconds_total[1m]))"}], "fieldConfig": {"defaults": {"unit": "percentunit"}}},
                  {"id": 4, "type": "stat", "title": "Error share", "gridPos": {"x": 18, "y": 0, "w": 6, "h": 4},
                   "targets": [{"expr": "100 * sum(rate(http_requests_total{status=~\\"5..\\"}[5m])) / sum(rate(http_requests_total[5m]))"}],
                   "fieldConfig": {"defaults": {"unit": "percentunit"}}},
                  {"id": 5, "type": "timeseries", "title": "Network out", "gridPos": {"x": 0, "y": 4, "w": 6, "h": 4},
                   "targets": [{"expr": "rate(node_network_transmit_bytes_total[5m])"}], "fieldConfig": {"defaults": {"unit": "Bps"}}},
                  {"id": 6, "type": "gauge", "title": "Disk used", "gridPos": {"x": 6, "y": 4, "w": 6, "h": 4},
                   "targets": [{"expr": "100 * (1 - node_filesystem_avail_bytes / node_filesystem_size_bytes)"}], "fieldConfig": {"defaults": {"unit": "percent"}}},
                  {"id": 7, "type": "stat", "title": "Memory", "gridPos": {"x": 12, "y": 4, "w": 6, "h": 4},
                   "targets": [{"expr": "node_memory_MemAvailable_bytes / 1024 / 1024"}], "fieldConfig": {"defaults": {"unit": "mbytes"}}},
                  {"id": 8, "type": "stat", "title": "Availability", "gridPos": {"x": 18, "y": 4, "w": 6, "h": 4},
                   "targets": [{"expr": "sum(rate(http_requests_total{status!~\\"5..\\"}[5m])) / sum(rate(http_requests_total[5m]))"}],
                   "fieldConfig": {"defaults": {"unit": "percentunit"}}}
                ]}
                """).judge(new DashboardReadable());

        assertThat(verdict.found()).contains("4 of 8")
                .contains("\"Network in\" (id 1) has the unit bytes", "a rate of bytes")
                .contains("\"Disk free\" (id 2) has the unit percent", "ratio between 0 and 1")
                .contains("\"CPU (cores/s)\" (id 3) has the unit percentunit", "counts cores")
                .contains("\"Error share\" (id 4) has the unit percentunit", "multiplies by 100")
                .doesNotContain("(id 5)", "(id 6)", "(id 7)", "(id 8)");
    }
}
