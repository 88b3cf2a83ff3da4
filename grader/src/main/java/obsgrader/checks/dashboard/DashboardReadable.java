package obsgrader.checks.dashboard;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.checks.dashboard.Dashboards.Dashboard;
import obsgrader.checks.dashboard.Dashboards.Panel;
import obsgrader.i18n.Message;

/**
 * Every panel of every exported dashboard can be read: a title, a unit that says what the query measures
 * ({@link UnitSense}), inside the 24-column grid, not hidden under another panel. The points are the share of panels without a problem.
 */
@RubricCheck(id = "dashboard.readability", title = "Every panel has a title and a unit, and panels fit the grid without overlapping")
public final class DashboardReadable implements Check {
    private static final int GRID_COLUMNS = 24;
    /** Panels that show no single quantity: their axes or contents carry their own scale. */
    private static final Set<String> NO_UNIT = Set.of("heatmap", "histogram", "text", "logs", "alertlist", "dashlist",
            "news", "annolist", "nodeGraph", "traces");
    /**
     * What a query measures when its number has a dimension (a rate, a duration, bytes, a ratio): it needs a unit.
     * A count or a state (up, ALERTS, count(...), a gauge of items) reads as it is. Recording rules say it in their
     * names ({@code job:http_requests:rate5m}, {@code api:requetes:debit_5m}): a recorded series is a rate or a ratio.
     */
    private static final Pattern DIMENSIONED = Pattern.compile(
            "(?i)\\b(i?rate|deriv)\\s*\\(|_seconds|_bytes|duration|latency|histogram_quantile|_ratio|percent|\\)\\s*/|/\\s*\\(?\\s*\\w+\\s*\\(|\\*\\s*100|\\w+:\\w+:\\w+");
    /** A title that states its unit ("CPU %", "Latence (ms)", "Débit req/s") needs no unit setting beside it. */
    private static final Pattern UNIT_IN_TITLE = Pattern.compile("(?i)%|\\(\\s*(ms|s|sec|bytes|octets|[kmg]i?b)\\s*\\)|/\\s*(s|sec|min)\\b|\\bbytes\\b|\\boctets\\b");

    @Override
    public Verdict judge(GradingContext context) {
        List<Dashboard> dashboards = Dashboards.of(context.submission());
        List<Message> unreadable = new ArrayList<>();
        int panels = 0;
        for (Dashboard dashboard : dashboards) {
            List<Panel> all = dashboard.panels();
            List<List<Message>> problems = all.stream().map(DashboardReadable::ownProblems).toList();
            addOverlaps(all, problems);
            for (int i = 0; i < all.size(); i++) {
                if (!all.get(i).isRow()) {
                    panels++;
                    if (!problems.get(i).isEmpty()) {
                        unreadable.add(msg("dashboard.readability.panel", all.get(i).place(), problems.get(i)));
                    }
                }
            }
        }
        if (panels == 0) {
            return Verdict.fromFiles(0).expected(msg("dashboard.readability.expected-file")).found(Dashboards.noneFound(context.submission()))
                    .at(Message.verbatim(context.submission().root()))
                    .hint(msg("dashboard.hint-export"));
        }
        // one line of the rubric: any unreadable panel costs half of it, the rest goes by the share of readable panels
        double readable = Verdict.share(panels - unreadable.size(), panels);
        return Verdict.fromFiles(unreadable.isEmpty() ? 1 : 0.5 * readable)
                .expected(msg("dashboard.readability.expected"))
                .found(unreadable.isEmpty() ? msg("dashboard.readability.all", panels)
                        : msg("dashboard.readability.unreadable", unreadable.size(), panels, Message.clauses(unreadable)))
                .at(Message.verbatim(dashboards.stream().map(Dashboard::name).toList()))
                .hint(unreadable.isEmpty() ? Message.NONE : msg("dashboard.readability.hint"))
                .measured(msg("dashboard.readability.all", panels));
    }

    /** Rows are not judged themselves (a panel overlapping one still is). */
    private static List<Message> ownProblems(Panel panel) {
        List<Message> problems = new ArrayList<>();
        if (panel.isRow()) {
            return problems;
        }
        if (panel.title().isEmpty()) {
            problems.add(msg("dashboard.readability.no-title"));
        }
        if (needsUnit(panel) && !hasUnit(panel.node())) {
            problems.add(msg("dashboard.readability.no-unit"));
        }
        UnitSense.contradiction(panel).ifPresent(problems::add);
        JsonNode grid = panel.node().path("gridPos");
        if (panel.node().has("span") && !grid.has("w")) {
            return problems; // Grafana's older schema: a width in a row's 12 columns, laid out by the row itself
        }
        if (!grid.has("w")) {
            problems.add(msg("dashboard.readability.no-grid"));
        } else if (grid.path("x").asInt() + grid.path("w").asInt() > GRID_COLUMNS) {
            problems.add(msg("dashboard.readability.too-wide", grid.path("x").asInt() + grid.path("w").asInt(), GRID_COLUMNS));
        }
        return problems;
    }

    /**
     * Whether a panel shows a quantity whose unit a reader must be told: not a heatmap, a text or a log list, not a
     * state shown through value mappings (UP/DOWN), not a count, and not when its title states the unit.
     */
    static boolean needsUnit(Panel panel) {
        if (NO_UNIT.contains(panel.type()) || !panel.node().path("fieldConfig").path("defaults").path("mappings").isEmpty()
                || !panel.node().path("valueMaps").isEmpty() && panel.node().path("valueMaps").size() > 1
                || UNIT_IN_TITLE.matcher(panel.title()).find()) {
            return false;
        }
        return panel.queries().stream().anyMatch(q -> DIMENSIONED.matcher(q).find());
    }

    /** A unit set for the panel (or a field of it), or a legacy panel's format (singlestat) or y-axis format (graph). */
    private static boolean hasUnit(JsonNode panel) {
        if (!UnitSense.unitOf(panel).isBlank()) {
            return true;
        }
        for (JsonNode override : panel.path("fieldConfig").path("overrides")) {
            for (JsonNode property : override.path("properties")) {
                if ("unit".equals(property.path("id").asText()) && !property.path("value").asText("").isBlank()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Panels of the same layout group whose rectangles share cells. Panels inside a collapsed row are placed
     * when the row opens, so they are only compared with each other.
     */
    private static void addOverlaps(List<Panel> panels, List<List<Message>> problems) {
        for (int i = 0; i < panels.size(); i++) {
            for (int j = i + 1; j < panels.size(); j++) {
                Panel a = panels.get(i);
                Panel b = panels.get(j);
                if (a.group() == b.group() && overlap(a.node().path("gridPos"), b.node().path("gridPos"))) {
                    problems.get(i).add(msg("dashboard.readability.overlaps", b.place()));
                    problems.get(j).add(msg("dashboard.readability.overlaps", a.place()));
                }
            }
        }
    }

    private static boolean overlap(JsonNode a, JsonNode b) {
        return a.has("w") && b.has("w")
                && a.path("x").asInt() < b.path("x").asInt() + b.path("w").asInt()
                && b.path("x").asInt() < a.path("x").asInt() + a.path("w").asInt()
                && a.path("y").asInt() < b.path("y").asInt() + b.path("h").asInt()
                && b.path("y").asInt() < a.path("y").asInt() + a.path("h").asInt();
    }
}
