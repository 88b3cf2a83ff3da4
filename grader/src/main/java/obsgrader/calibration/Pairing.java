package obsgrader.calibration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which hand item each file-decided rubric line is compared with: the criterion's section and the item's place in
 * it. The hand scores follow the rubric's earlier split, whose lines came in the same order (docs/calibration.md
 * lists them). Lines left out are judged on a running stack (a teacher reading files can only guess them), or
 * had no line of their own then ({@code alerts.alertmanager-config} was part of the live outage line).
 */
public final class Pairing {
    public record HandPlace(String criterion, int index) {
    }

    private static final Map<String, HandPlace> LINES = pairs();

    private static Map<String, HandPlace> pairs() {
        Map<String, HandPlace> lines = new LinkedHashMap<>();
        lines.put("deployed.compose-services", new HandPlace("deployed", 0));
        lines.put("deployed.volumes-depends", new HandPlace("deployed", 4));
        lines.put("metrics.scrape-jobs", new HandPlace("metrics", 0));
        lines.put("alerts.rule-files", new HandPlace("alerts", 0));
        lines.put("alerts.coverage", new HandPlace("alerts", 1));
        lines.put("alerts.quality", new HandPlace("alerts", 2));
        lines.put("dashboard.datasource", new HandPlace("dashboard", 0));
        lines.put("dashboard.provisioned", new HandPlace("dashboard", 1));
        lines.put("dashboard.panels", new HandPlace("dashboard", 2));
        lines.put("dashboard.readability", new HandPlace("dashboard", 4));
        lines.put("slo.document", new HandPlace("slo", 0));
        // One hand line then ("SLO alerts + budget/burn-rate") is two of ours now: both are compared with it.
        lines.put("slo.alerts-fire", new HandPlace("slo", 2));
        lines.put("slo.alerts-budget", new HandPlace("slo", 2));
        lines.put("docs.readme", new HandPlace("docs", 0));
        lines.put("docs.alert-annotations", new HandPlace("docs", 1));
        lines.put("docs.runbooks", new HandPlace("docs", 2));
        return lines;
    }

    private Pairing() {
    }

    /** The compared lines, in the rubric's order, with their hand item's place. */
    public static Map<String, HandPlace> lines() {
        return LINES;
    }
}
