package obsgrader.checks.dashboard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.checks.dashboard.Dashboards.Dashboard;
import obsgrader.checks.dashboard.Dashboards.Panel;
import obsgrader.submission.Rule;

/**
 * The lab's dashboard layout: 5 rows and 13 panels with their visualisations, recognised by what they mean
 * (the metrics their queries read; title keywords in English or French only rank candidates), not by exact titles. Rows are the
 * layout and panels the content: the rows share a quarter of the points, the panels the rest; a panel found
 * with the wrong visualisation earns half its share. Every dashboard Grafana loads is judged together: a
 * student may split the layout over several.
 */
@RubricCheck(id = "dashboard.panels", title = "The dashboard has the lab's 5 rows and 13 panels, each with its visualisation")
public final class LabPanelsPresent implements Check {
    private static final double ROWS_SHARE = 0.25;
    private static final double WRONG_TYPE_SHARE = 0.5;

    /** How a panel is recognised: its query means the metric (strongest), its title names it, it sits in its row, it has its type. */
    private static final int QUERY_SCORE = 4;
    private static final int TITLE_SCORE = 2;

    private static final Set<String> STAT = Set.of("stat", "singlestat");
    private static final Set<String> TIME_SERIES = Set.of("timeseries", "graph");

    private static final Pattern REQUESTS_TITLE = words("requ|\\brps\\b|req/s|trafic|traffic|throughput|debit|hits");
    private static final Pattern ERRORS_TITLE = words("^(?!.*budget).*(err|5xx|echec|fail)");
    private static final String REQUESTS = "http_requests_total|\\w+:\\w*requests\\w*:\\w+";
    private static final String ERRORS = "http_requests_total.*\\b(status|code)\\w*\\s*=~?\\s*\"5|\\w+:\\w*errors?:\\w+";
    private static final String BY_ENDPOINT = "\\b(endpoint|path|route|handler|uri)\\b";

    private record LabRow(String name, Pattern title) {
    }

    /** One panel of the lab's layout, as data: where it belongs, how it is recognised, how it must be shown. */
    private record LabPanel(String name, String row, Pattern title, Pattern query, Set<String> types, String shows) {
        boolean accepts(Panel panel) {
            return types.contains(panel.visualisation());
        }
    }

    private static final List<LabRow> ROWS = List.of(
            new LabRow("Overview", words("overview|vue d.ensemble|apercu|resume|summary|synthese|general|global|golden")),
            new LabRow("Traffic", words("traffic|trafic|requ")),
            new LabRow("Performance", words("perf|latenc")),
            new LabRow("Business", words("business|metier|commerce|commande|order|vente|sales")),
            new LabRow("Infrastructure", words("infra|system|ressource|resource|host|serveur|server|machine|platform|plateforme|noeud|node")));

    private static final List<LabPanel> PANELS = List.of(
            new LabPanel("Uptime", "Overview", words("uptime|disponib|availab|\\bup\\b|en ligne|online|health|sante|status|etat"),
                    query("probe_success|\\bup\\b|process_start_time_seconds|node_boot_time_seconds|uptime"), STAT,
                    "a stat of probe_success or up"),
            new LabPanel("Requests/s", "Overview", REQUESTS_TITLE, query(REQUESTS), STAT,
                    "a stat of sum(rate(http_requests_total[5m]))"),
            new LabPanel("Error Rate", "Overview", ERRORS_TITLE, query(ERRORS), STAT,
                    "a stat of the share of 5xx in http_requests_total"),
            new LabPanel("P95 Latency", "Overview", words("p95|95|latenc|response time|temps de reponse|duration|duree"),
                    query("histogram_quantile\\s*\\(\\s*0?\\.95|quantile\\s*=~?\\s*\"0?\\.95|\\w+:\\w*(p95|latency)\\w*:\\w+"), STAT,
                    "a stat of histogram_quantile(0.95, ...http_request_duration_seconds_bucket...)"),
            new LabPanel("Requests per Second by endpoint", "Traffic", REQUESTS_TITLE, query(allOf(REQUESTS, BY_ENDPOINT)), TIME_SERIES,
                    "a time series of sum by (endpoint) (rate(http_requests_total[5m]))"),
            new LabPanel("Latency Distribution", "Performance",
                    words("latenc|distribution|duration|duree|heatmap|response time|temps de reponse"),
                    query("^(?!.*histogram_quantile).*(duration|latency)\\w*_bucket"), Set.of("heatmap"),
                    "a heatmap of sum by (le) (rate(http_request_duration_seconds_bucket[5m]))"),
            new LabPanel("Error Rate by Endpoint", "Performance", ERRORS_TITLE, query(allOf(ERRORS, BY_ENDPOINT)), TIME_SERIES,
                    "a time series of the 5xx share by endpoint"),
            new LabPanel("Orders/min", "Business", words("order|commande|vente|sales"),
                    query("orders_total|\\w+:\\w*orders?\\w*:\\w+"), TIME_SERIES, "a time series of sum(rate(orders_total[1m])) * 60"),
            new LabPanel("Cart Value Histogram", "Business", words("cart|panier|basket"), query("cart_value"),
                    Set.of("histogram"), "a histogram of cart_value_euros_bucket"),
            new LabPanel("CPU %", "Infrastructure", words("cpu|processeur"), query("cpu"), Set.of("gauge"),
                    "a gauge of 100 - idle CPU % (node_cpu_seconds_total)"),
            new LabPanel("Memory %", "Infrastructure", words("mem|\\bram\\b"), query("(?s)mem.*/|/.*mem"), Set.of("gauge"),
                    "a gauge of used memory % (node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes)"),
            new LabPanel("Redis Ops", "Infrastructure", words("redis"), query("redis_\\w*(commands|ops)"), STAT,
                    "a stat of rate(redis_commands_processed_total[5m])"),
            new LabPanel("PG Conn", "Infrastructure",
                    words("\\bpg\\b|postgres|connexion|connection|\\bconn\\b|database|base de donnees|\\bdb\\b"),
                    query("pg_stat_activity|numbackends|pg_\\w*conn"), STAT, "a stat of pg_stat_activity_count{state=\"active\"}"));

    @Override
    public Verdict judge(GradingContext context) {
        List<Dashboard> dashboards = Dashboards.of(context.submission());
        if (dashboards.isEmpty()) {
            return Verdict.fromFiles(0)
                    .expected("an exported dashboard JSON with the lab's 5 rows and 13 panels")
                    .found(Dashboards.noneFound(context.submission()))
                    .at(context.submission().root().toString())
                    .hint("Export the dashboard from Grafana (Share > Export > Save to file) into grafana/dashboards/.");
        }
        Layout best = Layout.of(dashboards, recordings(context));
        List<String> wrongTypes = best.wrongTypes().stream()
                .map(e -> e.getKey().name() + " is " + e.getValue().where() + ", a " + e.getValue().type()
                        + " (expected " + String.join(" or ", e.getKey().types()) + ")")
                .toList();
        List<String> toFix = Stream.concat(best.missing().stream(), best.wrongTypes().stream().map(Map.Entry::getKey))
                .map(p -> p.name() + ": " + p.shows()).toList();
        String names = dashboards.stream().map(Dashboard::name).collect(Collectors.joining(", "));
        return Verdict.fromFiles(best.fraction())
                .expected("rows Overview, Traffic, Performance, Business, Infrastructure and the 13 panels of the lab's layout")
                .found(best.describe(wrongTypes))
                .at(Stream.concat(Stream.of(names), best.wrongTypes().stream().map(e -> e.getValue().where()))
                        .distinct().collect(Collectors.joining(", ")))
                .hint(toFix.isEmpty() && best.missingRows().isEmpty() ? ""
                        : "Add or fix, in their rows: " + String.join("; ", toFix)
                        + (best.missingRows().isEmpty() ? "" : "; rows (Add > Row): " + String.join(", ", best.missingRows())) + ".")
                .attach("panels of " + names, best.table());
    }

    /** The submission's recording rules, name to expression: a panel showing one measures what its rule computes. */
    private static Map<String, String> recordings(GradingContext context) {
        Map<String, String> recorded = new LinkedHashMap<>();
        Rule.all(context.submission()).stream().filter(r -> !r.isAlert()).forEach(r -> recorded.putIfAbsent(r.record(), r.expr()));
        return recorded;
    }

    /** A dashboard's panels matched to the lab's: each lab panel to at most one panel, and back. */
    private record Layout(List<String> missingRows, Map<LabPanel, Panel> found) {
        /**
         * The lab's layout found across every dashboard Grafana loads: rows by their titles (a dashboard of
         * its own, named for a row, counts as that row), panels by what their queries measure.
         */
        static Layout of(List<Dashboard> dashboards, Map<String, String> recordings) {
            List<String> rowTitles = new ArrayList<>();
            List<Panel> panels = new ArrayList<>();
            for (Dashboard dashboard : dashboards) {
                dashboard.panels().stream().filter(Panel::isRow).map(p -> Wording.normalise(p.title())).forEach(rowTitles::add);
                if (dashboards.size() > 1) {
                    rowTitles.add(Wording.normalise(dashboard.title()));
                }
                dashboard.contentPanels().stream()
                        .map(p -> p.row().isEmpty() && dashboards.size() > 1 ? p.inRow(dashboard.title()) : p)
                        .forEach(panels::add);
            }
            List<String> missingRows = ROWS.stream()
                    .filter(row -> rowTitles.stream().noneMatch(t -> row.title().matcher(t).find()))
                    .map(LabRow::name).toList();
            return new Layout(missingRows, match(panels, recordings));
        }

        /** Best pairs first, so a panel goes to the lab panel it fits most (a stat "Error Rate" before a per-endpoint series). */
        private static Map<LabPanel, Panel> match(List<Panel> panels, Map<String, String> recordings) {
            record Pair(LabPanel expected, Panel panel, int score) {
            }
            List<Pair> pairs = new ArrayList<>();
            PANELS.forEach(expected -> panels.forEach(panel -> {
                int score = score(expected, panel, recordings);
                if (score > 0) {
                    pairs.add(new Pair(expected, panel, score));
                }
            }));
            pairs.sort(Comparator.comparingInt(Pair::score).reversed());
            Map<LabPanel, Panel> found = new LinkedHashMap<>();
            for (Pair pair : pairs) {
                if (!found.containsKey(pair.expected()) && !found.containsValue(pair.panel())) {
                    found.put(pair.expected(), pair.panel());
                }
            }
            return found;
        }

        /**
         * A panel is a lab panel when its queries measure what that panel shows (recording rules read as the
         * expressions they record); its title, its row and its type only rank the candidates. A panel titled like
         * a lab panel but measuring something else is not that panel.
         */
        private static int score(LabPanel expected, Panel panel, Map<String, String> recordings) {
            String queries = withRecordedExpressions(String.join("\n", panel.queries()), recordings);
            if (!expected.query().matcher(queries).find()) {
                return 0;
            }
            boolean titled = expected.title().matcher(Wording.normalise(panel.title())).find();
            boolean inRow = ROWS.stream().filter(r -> r.name().equals(expected.row()))
                    .anyMatch(r -> r.title().matcher(Wording.normalise(panel.row())).find());
            return QUERY_SCORE + (titled ? TITLE_SCORE : 0) + (inRow ? 1 : 0) + (expected.accepts(panel) ? 1 : 0);
        }

        private static String withRecordedExpressions(String queries, Map<String, String> recordings) {
            StringBuilder expanded = new StringBuilder(queries);
            recordings.forEach((name, expr) -> {
                if (Pattern.compile("(?<![\\w:])" + Pattern.quote(name) + "(?![\\w:])").matcher(queries).find()) {
                    expanded.append("\n").append(expr);
                }
            });
            return expanded.toString();
        }

        double fraction() {
            double panels = PANELS.stream().mapToDouble(p -> !found.containsKey(p) ? 0
                    : p.accepts(found.get(p)) ? 1 : WRONG_TYPE_SHARE).sum();
            return ROWS_SHARE * Verdict.share(ROWS.size() - missingRows.size(), ROWS.size())
                    + (1 - ROWS_SHARE) * panels / PANELS.size();
        }

        List<LabPanel> missing() {
            return PANELS.stream().filter(p -> !found.containsKey(p)).toList();
        }

        List<Map.Entry<LabPanel, Panel>> wrongTypes() {
            return found.entrySet().stream().filter(e -> !e.getKey().accepts(e.getValue())).toList();
        }

        String describe(List<String> wrongTypes) {
            long right = found.size() - wrongTypes.size();
            StringBuilder text = new StringBuilder()
                    .append(ROWS.size() - missingRows.size()).append(" of ").append(ROWS.size()).append(" rows")
                    .append(missingRows.isEmpty() ? "" : " (missing: " + String.join(", ", missingRows) + ")")
                    .append("; ").append(right).append(" of ").append(PANELS.size()).append(" panels with the right type");
            if (!missing().isEmpty()) {
                text.append("; missing: ").append(missing().stream().map(LabPanel::name).collect(Collectors.joining(", ")));
            }
            if (!wrongTypes.isEmpty()) {
                text.append("; wrong type: ").append(String.join("; ", wrongTypes));
            }
            return text.toString();
        }

        String table() {
            return PANELS.stream().map(p -> p.row() + " / " + p.name() + " -> "
                            + (found.containsKey(p) ? found.get(p).where() + " [" + found.get(p).type() + "]" : "missing"))
                    .collect(Collectors.joining("\n"));
        }
    }

    private static Pattern words(String regex) {
        return Pattern.compile(regex);
    }

    private static Pattern query(String regex) {
        return Pattern.compile(regex, Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    }

    /** A regex matching text that holds every one of the given regexes, in any order. */
    private static String allOf(String... regexes) {
        return "^" + Stream.of(regexes).map(r -> "(?=.*(?:" + r + "))").collect(Collectors.joining());
    }
}
