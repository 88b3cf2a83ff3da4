package obsgrader.checks.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import obsgrader.checks.Fixture;
import obsgrader.checks.Verdict;
import obsgrader.submission.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabPanelsPresentTest {
    static final String DASHBOARD = "grafana/dashboards/techshop.json";

    @TempDir
    Path folder;

    static ObjectNode referenceDashboard() throws Exception {
        return (ObjectNode) Yaml.JSON.readTree(Files.readString(Fixture.reference().resolve(DASHBOARD)));
    }

    static JsonNode panel(ObjectNode dashboard, String title) {
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("title").asText().equals(title)) {
                return panel;
            }
        }
        throw new AssertionError("no panel " + title + " in the reference dashboard");
    }

    private Verdict judge(JsonNode dashboard) throws Exception {
        return new Fixture(folder).with(DASHBOARD, dashboard.toPrettyString()).judge(new LabPanelsPresent());
    }

    @Test
    void awardsTheReferenceDashboard() throws Exception {
        Verdict verdict = new Fixture(folder).withReference(DASHBOARD).judge(new LabPanelsPresent());

        assertThat(verdict.full()).as(verdict.reason()).isTrue();
        assertThat(verdict.found()).isEqualTo("5 of 5 rows; 13 of 13 panels with the right type");
    }

    @Test
    void deductsAMissingPanelAWrongTypeAndAMissingRow() throws Exception {
        ObjectNode dashboard = referenceDashboard();
        ((ObjectNode) panel(dashboard, "Cart Value Histogram")).put("type", "bargauge");
        ((ObjectNode) panel(dashboard, "Business Metrics")).put("title", "Misc");
        Iterator<JsonNode> panels = dashboard.withArray("panels").elements();
        while (panels.hasNext()) {
            if (panels.next().path("title").asText().equals("CPU %")) {
                panels.remove();
            }
        }

        Verdict verdict = judge(dashboard);

        assertThat(verdict.fraction()).isCloseTo(0.25 * 4 / 5 + 0.75 * (11 + 0.5) / 13, within(1e-9));
        assertThat(verdict.found()).contains("missing: Business)", "missing: CPU %",
                "Cart Value Histogram is techshop.json panel \"Cart Value Histogram\" (id 13), a bargauge (expected histogram)");
        assertThat(verdict.where()).contains("techshop.json panel \"Cart Value Histogram\" (id 13)");
        assertThat(verdict.hint()).contains("CPU %: a gauge", "Cart Value Histogram: a histogram");
    }

    @Test
    void recognisesFrenchTitlesInCollapsedRowsOfAWrappedExport() throws Exception {
        ObjectNode dashboard = referenceDashboard();
        Map.of("Overview", "Vue d'ensemble", "Traffic", "Trafic", "Performance", "Performances",
                "Business Metrics", "Métier", "Uptime", "Disponibilité", "Requests/s", "Requêtes/s",
                "Error Rate", "Taux d'erreurs", "Error Rate by Endpoint", "Erreurs par endpoint",
                "Memory %", "Mémoire", "Orders/min", "Commandes par minute")
                .forEach((english, french) -> ((ObjectNode) panel(dashboard, english)).put("title", french));
        ArrayNode collapsed = Yaml.JSON.createArrayNode();
        ArrayNode nested = null;
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                nested = ((ObjectNode) panel).put("collapsed", true).putArray("panels");
                collapsed.add(panel);
            } else {
                nested.add(panel);
            }
        }
        dashboard.set("panels", collapsed);
        ObjectNode export = Yaml.JSON.createObjectNode();
        export.set("dashboard", dashboard);

        Verdict verdict = judge(export);

        assertThat(verdict.full()).as(verdict.reason()).isTrue();
    }

    @Test
    void givesHalfToPanelsShowingANeighbouringMeasure() throws Exception {
        // a student's own dashboard: totals for rates, per service for per endpoint, percentiles for the heatmap,
        // memory in bytes; with flask_* names and a status_code label
        Verdict verdict = new Fixture(folder).with("grafana/dashboards/supervision.json", """
                {"title": "Supervision", "panels": [
                  {"id": 1, "type": "stat", "title": "Requêtes totales",
                   "targets": [{"expr": "sum(flask_http_request_total)"}]},
                  {"id": 2, "type": "timeseries", "title": "Débit par service",
                   "targets": [{"expr": "sum by (job) (rate(flask_http_request_total[1m]))"}]},
                  {"id": 3, "type": "timeseries", "title": "Latence p50 / p95 / p99",
                   "targets": [{"expr": "histogram_quantile(0.99, sum by (le) (rate(flask_http_request_duration_seconds_bucket[5m])))"}]},
                  {"id": 4, "type": "timeseries", "title": "Mémoire utilisée",
                   "targets": [{"expr": "node_memory_MemTotal_bytes - node_memory_MemAvailable_bytes"}]},
                  {"id": 5, "type": "stat", "title": "Latence p95",
                   "targets": [{"expr": "histogram_quantile(0.95, sum by (le) (rate(flask_http_request_duration_seconds_bucket[5m])))"}]}
                ]}
                """).judge(new LabPanelsPresent());

        // Requests/s (a stat of a request counter) and P95: full; the other three earn half (0.5 * 3); no row
        assertThat(verdict.fraction()).as(verdict.reason()).isCloseTo(0.75 * (2 + 0.5 * 3) / 13, within(1e-9));
        assertThat(verdict.found()).contains("half credit, a neighbouring measure",
                "Latency Distribution is shown in part by supervision.json panel \"Latence p50 / p95 / p99\" (id 3)",
                "Memory % is shown in part by supervision.json panel \"Mémoire utilisée\" (id 4)");
    }

    @Test
    void givesNothingWithoutAnExportedDashboard() throws Exception {
        Verdict verdict = new Fixture(folder).with("README.md", "# TechShop\n").judge(new LabPanelsPresent());

        assertThat(verdict.fraction()).isZero();
    }
}
