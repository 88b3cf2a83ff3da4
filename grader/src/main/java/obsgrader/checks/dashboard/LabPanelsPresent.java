package obsgrader.checks.dashboard;

import static obsgrader.i18n.Message.msg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.checks.dashboard.Dashboards.Dashboard;
import obsgrader.checks.dashboard.Dashboards.Panel;
import obsgrader.i18n.Message;
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
    /** A panel showing a neighbour of the lab's (a count for a rate, per service for per endpoint) earns what a wrong type does. */
    private static final int NEAR_SCORE = 2;
    private static final String SELF_MONITORING = "\\b(prometheus|alertmanager|grafana|go|promhttp|loki|tempo)_\\w+";

    /** A panel's visualisations, the current one first (the one a hint names first). */
    private static final List<String> STAT = List.of("stat", "singlestat");
    private static final List<String> TIME_SERIES = List.of("timeseries", "graph");

    private static final Pattern REQUESTS_TITLE = words("requ|\\brps\\b|req/s|trafic|traffic|throughput|debit|hits");
    private static final Pattern ERRORS_TITLE = words("^(?!.*budget).*(err|5xx|echec|fail)");
    /** A request counter under the student's own name: http_requests_total, flask_http_request_total, order_requests_total... */
    private static final String REQUESTS = "\\w*requests?\\w*_(total|count)\\b|\\w+:\\w*requests\\w*:\\w+";
    /** Errors: requests of a 5xx (or 4xx and 5xx) status, whatever the label's name (status, code, status_code, http_status), or an error counter. */
    private static final String ERRORS = "requests?\\w*_(total|count)\\b.*(status|code)\\w*\\s*=~?\\s*\"[^\"]*[45]|\\w*errors?\\w*_total|\\w+:\\w*errors?:\\w+";
    private static final String BY_ENDPOINT = "\\b(endpoint|path|route|handler|uri)\\b";

    private record LabRow(String name, Pattern title) {
    }

    /** One panel of the lab's layout, as data: where it belongs, how it is recognised, how it must be shown. */
    private record LabPanel(String name, String row, Pattern title, Pattern query, List<String> types, Message shows, Pattern near) {
        LabPanel(String name, String row, Pattern title, Pattern query, List<String> types, Message shows) {
            this(name, row, title, query, types, shows, null);
        }

        /** A panel showing a neighbour of this one (a count for a rate, p99 series for a heatmap, per service for per endpoint). */
        LabPanel near(String regex) {
            return new LabPanel(name, row, title, query, types, shows, LabPanelsPresent.query(regex));
        }

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
                    msg("dashboard.panels.shows.uptime")),
            new LabPanel("Requests/s", "Overview", REQUESTS_TITLE, query(REQUESTS), STAT,
                    msg("dashboard.panels.shows.requests")).near("\\w*(requests?|hits)\\w*"),
            new LabPanel("Error Rate", "Overview", ERRORS_TITLE, query(ERRORS), STAT,
                    msg("dashboard.panels.shows.errors")).near("(status|code)\\w*\\s*(=~|!~|!=)|errors?"),
            new LabPanel("P95 Latency", "Overview", words("p95|95|latenc|response time|temps de reponse|duration|duree"),
                    query("histogram_quantile\\s*\\(\\s*0?\\.95|quantile\\s*=~?\\s*\"0?\\.95|\\w+:\\w*(p95|latency)\\w*:\\w+"), STAT,
                    msg("dashboard.panels.shows.p95")).near("histogram_quantile|quantile\\s*=|(duration|latency)\\w*_(sum|count|max)|max\\w*\\s*\\(.*(duration|latency)"),
            new LabPanel("Requests per Second by endpoint", "Traffic", REQUESTS_TITLE, query(allOf(REQUESTS, BY_ENDPOINT)), TIME_SERIES,
                    msg("dashboard.panels.shows.requests-by-endpoint")).near(REQUESTS),
            new LabPanel("Latency Distribution", "Performance",
                    words("latenc|distribution|duration|duree|heatmap|response time|temps de reponse"),
                    query("^(?!.*histogram_quantile).*(duration|latency)\\w*_bucket"), List.of("heatmap"),
                    msg("dashboard.panels.shows.latency-distribution")).near("(duration|latency)\\w*_bucket"),
            new LabPanel("Error Rate by Endpoint", "Performance", ERRORS_TITLE, query(allOf(ERRORS, BY_ENDPOINT)), TIME_SERIES,
                    msg("dashboard.panels.shows.errors-by-endpoint")).near(ERRORS),
            new LabPanel("Orders/min", "Business", words("order|commande|vente|sales"),
                    query("orders_total|\\w+:\\w*orders?\\w*:\\w+"), TIME_SERIES, msg("dashboard.panels.shows.orders"))
                    .near("\\w*(orders?|commandes?|payments?|checkouts?)\\w*_(total|count)"),
            new LabPanel("Cart Value Histogram", "Business", words("cart|panier|basket"), query("cart_value"),
                    List.of("histogram"), msg("dashboard.panels.shows.cart-value")).near("cart|panier|basket"),
            new LabPanel("CPU %", "Infrastructure", words("cpu|processeur"), query("cpu"), List.of("gauge"),
                    msg("dashboard.panels.shows.cpu")),
            new LabPanel("Memory %", "Infrastructure", words("mem|\\bram\\b"), query("(?s)mem.*/|/.*mem"), List.of("gauge"),
                    msg("dashboard.panels.shows.memory")).near("mem\\w*(used|usage|rss|resident|working_set|active)|MemTotal"),
            new LabPanel("Redis Ops", "Infrastructure", words("redis"), query("redis_\\w*(commands|ops)"), STAT,
                    msg("dashboard.panels.shows.redis")).near("redis_\\w+"),
            new LabPanel("PG Conn", "Infrastructure",
                    words("\\bpg\\b|postgres|connexion|connection|\\bconn\\b|database|base de donnees|\\bdb\\b"),
                    query("pg_stat_activity|numbackends|pg_\\w*conn"), STAT, msg("dashboard.panels.shows.pg"))
                    .near("threads_connected|connections|connexions"));

    @Override
    public Verdict judge(GradingContext context) {
        List<Dashboard> dashboards = Dashboards.of(context.submission());
        if (dashboards.isEmpty()) {
            return Verdict.fromFiles(0)
                    .expected(msg("dashboard.panels.expected-file"))
                    .found(Dashboards.noneFound(context.submission()))
                    .at(Message.verbatim(context.submission().root()))
                    .hint(msg("dashboard.hint-export"));
        }
        Layout best = Layout.of(dashboards, recordings(context));
        List<Message> wrongTypes = best.wrongTypes().stream()
                .map(e -> msg("dashboard.panels.wrong-type", e.getKey().name(), e.getValue().place(), e.getValue().type(),
                        e.getKey().types().stream().map(Message::verbatim).reduce((one, other) -> msg("dashboard.panels.or", one, other))
                                .orElse(Message.NONE)))
                .toList();
        List<Message> nearOnes = best.nearOnes().stream()
                .map(e -> msg("dashboard.panels.near", e.getKey().name(), e.getValue().place())).toList();
        List<Message> toFix = Stream.of(best.missing().stream(), best.nearOnes().stream().map(Map.Entry::getKey),
                        best.wrongTypes().stream().map(Map.Entry::getKey)).flatMap(p -> p)
                .map(p -> msg("dashboard.panels.to-fix", p.name(), p.shows())).toList();
        List<String> names = dashboards.stream().map(Dashboard::name).toList();
        Message found = best.describe(wrongTypes, nearOnes);
        return Verdict.fromFiles(best.fraction())
                .expected(msg("dashboard.panels.expected", ROWS.stream().map(LabRow::name).toList(), PANELS.size()))
                .found(found)
                .at(Message.verbatim(Stream.concat(names.stream(), best.wrongTypes().stream().map(e -> e.getValue().place()))
                        .distinct().toList()))
                .hint(hint(toFix, best.missingRows()))
                .measured(found)
                .attach("panels of " + String.join(", ", names), best.table());
    }

    /** What to add or fix, panels then rows; none when the layout is complete. */
    private static Message hint(List<Message> toFix, List<String> missingRows) {
        if (missingRows.isEmpty()) {
            return toFix.isEmpty() ? Message.NONE : msg("dashboard.panels.hint", Message.clauses(toFix));
        }
        return toFix.isEmpty() ? msg("dashboard.panels.hint-rows", missingRows)
                : msg("dashboard.panels.hint-both", Message.clauses(toFix), missingRows);
    }

    /** The submission's recording rules, name to expression: a panel showing one measures what its rule computes. */
    private static Map<String, String> recordings(GradingContext context) {
        Map<String, String> recorded = new LinkedHashMap<>();
        Rule.all(context.submission()).stream().filter(r -> !r.isAlert()).forEach(r -> recorded.putIfAbsent(r.record(), r.expr()));
        return recorded;
    }

    /** A dashboard's panels matched to the lab's: each lab panel to at most one panel, and back. */
    private record Layout(List<String> missingRows, Map<LabPanel, Panel> found, List<LabPanel> near) {
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
            Map<LabPanel, Panel> found = match(panels, recordings);
            List<LabPanel> near = found.entrySet().stream().filter(e -> !measures(e.getKey(), e.getValue(), recordings))
                    .map(Map.Entry::getKey).toList();
            return new Layout(missingRows, found, near);
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
            String queries = shown(panel, recordings);
            int base;
            if (expected.query().matcher(queries).find()) {
                base = QUERY_SCORE;
            } else if (expected.near() != null && expected.near().matcher(queries).find()) {
                base = NEAR_SCORE;
            } else {
                return 0;
            }
            boolean titled = expected.title().matcher(Wording.normalise(panel.title())).find();
            boolean inRow = ROWS.stream().filter(r -> r.name().equals(expected.row()))
                    .anyMatch(r -> r.title().matcher(Wording.normalise(panel.row())).find());
            return base + (titled ? TITLE_SCORE : 0) + (inRow ? 1 : 0) + (expected.accepts(panel) ? 1 : 0);
        }

        /** Whether the panel measures what the lab panel shows, rather than a neighbour of it. */
        private static boolean measures(LabPanel expected, Panel panel, Map<String, String> recordings) {
            return expected.query().matcher(shown(panel, recordings)).find();
        }

        /**
         * What a panel's queries measure, recording rules read as their expressions; the monitoring's own metrics
         * (Prometheus's HTTP requests, Go's memory) left out: they are not the shop's.
         */
        private static String shown(Panel panel, Map<String, String> recordings) {
            return withRecordedExpressions(String.join("\n", panel.queries()), recordings).replaceAll(SELF_MONITORING, "");
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
                    : p.accepts(found.get(p)) && !near.contains(p) ? 1 : WRONG_TYPE_SHARE).sum();
            return ROWS_SHARE * Verdict.share(ROWS.size() - missingRows.size(), ROWS.size())
                    + (1 - ROWS_SHARE) * panels / PANELS.size();
        }

        List<LabPanel> missing() {
            return PANELS.stream().filter(p -> !found.containsKey(p)).toList();
        }

        /** Panels of the right measure shown with the wrong visualisation (a neighbouring measure is listed apart). */
        List<Map.Entry<LabPanel, Panel>> wrongTypes() {
            return found.entrySet().stream().filter(e -> !e.getKey().accepts(e.getValue()) && !near.contains(e.getKey())).toList();
        }

        List<Map.Entry<LabPanel, Panel>> nearOnes() {
            return found.entrySet().stream().filter(e -> near.contains(e.getKey())).toList();
        }

        Message describe(List<Message> wrongTypes, List<Message> nearOnes) {
            long right = found.size() - wrongTypes.size() - nearOnes.size();
            List<Message> parts = new ArrayList<>();
            int rows = ROWS.size() - missingRows.size();
            parts.add(missingRows.isEmpty() ? msg("dashboard.panels.rows", rows, ROWS.size())
                    : msg("dashboard.panels.rows-missing", rows, ROWS.size(), missingRows));
            parts.add(msg("dashboard.panels.right-type", right, PANELS.size()));
            if (!missing().isEmpty()) {
                parts.add(msg("dashboard.panels.missing", missing().stream().map(LabPanel::name).toList()));
            }
            if (!nearOnes.isEmpty()) {
                parts.add(msg("dashboard.panels.near-ones", Message.clauses(nearOnes)));
            }
            if (!wrongTypes.isEmpty()) {
                parts.add(msg("dashboard.panels.wrong-types", Message.clauses(wrongTypes)));
            }
            return Message.clauses(parts);
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
