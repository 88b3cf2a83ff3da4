package obsgrader.checks.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Patience;
import obsgrader.checks.Verdict;
import obsgrader.checks.dashboard.Dashboards.Dashboard;
import obsgrader.checks.dashboard.Dashboards.Panel;
import obsgrader.clients.PrometheusApi;
import obsgrader.clients.ShopClient;

/**
 * Every panel shows something on the running stack: at least one of its queries, variables resolved as
 * Grafana resolves them, returns a series from Prometheus. The points are the share of panels with data.
 */
@RubricCheck(id = "dashboard.queries-return-data", title = "Every panel's query returns data on the running stack", live = true)
public final class PanelQueriesReturnData implements Check {
    /** A panel and its queries as Prometheus receives them. */
    private record Queried(Panel panel, List<String> queries) {
        boolean returnsData(PrometheusApi prometheus) {
            return queries.stream().anyMatch(query -> {
                try {
                    return !prometheus.query(query).isEmpty();
                } catch (RuntimeException e) {
                    return false; // an unanswered query is judged like an empty one, and retried while waiting
                }
            });
        }
    }

    @Override
    public Verdict judge(GradingContext context) {
        PrometheusApi prometheus = context.prometheus();
        List<Queried> panels = new ArrayList<>();
        for (Dashboard dashboard : Dashboards.of(context.submission())) {
            GrafanaVariables variables = new GrafanaVariables(dashboard.model(), context.scrapeInterval());
            dashboard.contentPanels().stream().filter(p -> !p.prometheusQueries().isEmpty())
                    .forEach(p -> panels.add(new Queried(p, p.prometheusQueries().stream().map(variables::resolve).toList())));
        }
        if (panels.isEmpty()) {
            return Verdict.live(0).expected("dashboard panels with Prometheus queries (targets[].expr)")
                    .found("no panel query in the exported dashboards").at(context.submission().root().toString())
                    .hint("Export the dashboard with its queries (Share > Export > Save to file) into grafana/dashboards/.");
        }
        List<Queried> empty = new ArrayList<>(panels);
        ShopClient shop = context.shop();
        // Rates need an increase between two scrapes, and recording rules one more evaluation: keep
        // customers visiting the shop while waiting for that.
        Patience.waitUpTo(context.scrapeInterval().multipliedBy(3).plus(context.evaluationInterval().multipliedBy(2)), () -> {
                        shop.visit();
                        empty.removeIf(q -> q.returnsData(prometheus));
                        return empty.isEmpty();
                    });
        return Verdict.live(Verdict.share(panels.size() - empty.size(), panels.size()))
                .expected("every panel's query returning at least one series")
                .found(empty.isEmpty() ? "all " + panels.size() + " panels return data"
                        : (panels.size() - empty.size()) + " of " + panels.size() + " panels return data; no data: "
                        + empty.stream().map(q -> q.panel().where() + ": " + String.join(" | ", q.queries()))
                        .collect(Collectors.joining("; ")))
                .at("GET " + prometheus.base().resolve("/api/v1/query"))
                .hint(empty.isEmpty() ? "" : "Run the query in Prometheus (Graph tab): check the metric name, its labels "
                        + "(job=...) and that the service exposing it is scraped.")
                .attach("queries", panels.stream().map(q -> q.panel().where() + (empty.contains(q) ? " [no data]" : " [data]")
                        + "\n  " + String.join("\n  ", q.queries())).collect(Collectors.joining("\n")));
    }
}
