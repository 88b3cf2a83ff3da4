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
    void givesNothingWithoutAnExportedDashboard() throws Exception {
        Verdict verdict = new Fixture(folder).with("README.md", "# TechShop\n").judge(new LabPanelsPresent());

        assertThat(verdict.fraction()).isZero();
    }
}
