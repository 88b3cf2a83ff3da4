package obsgrader.checks.dashboard;

import static obsgrader.i18n.Message.msg;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import obsgrader.checks.Check;
import obsgrader.checks.Need;
import obsgrader.checks.Needs;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Patience;
import obsgrader.checks.Verdict;
import obsgrader.checks.dashboard.Dashboards.Dashboard;
import obsgrader.checks.dashboard.Dashboards.Panel;
import obsgrader.clients.PrometheusApi;
import obsgrader.clients.ShopClient;
import obsgrader.i18n.Message;
import obsgrader.submission.Rule;

/**
 * Every panel shows something on the running stack: at least one of its queries, variables resolved as
 * Grafana resolves them, returns a series from Prometheus. The points are the share of panels with data.
 */
@Needs(Need.PROMETHEUS)
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

    /** The panels whose every query reads only series no rule records and Prometheus lacks ({@link UnrecordedSeries}). */
    private static List<Queried> hopeless(GradingContext context, PrometheusApi prometheus, List<Queried> panels) {
        try {
            Set<String> recorded = Rule.all(context.submission()).stream().filter(rule -> !rule.isAlert()).map(Rule::record)
                    .collect(Collectors.toSet());
            Predicate<String> inPrometheus = name -> {
                try {
                    return !Double.isNaN(prometheus.value("count({__name__=\"" + name + "\"})"));
                } catch (RuntimeException e) {
                    return true; // unknown: it may show
                }
            };
            return panels.stream().filter(panel -> panel.queries().stream()
                    .allMatch(query -> UnrecordedSeries.cannotReturnData(query, recorded, inPrometheus))).toList();
        } catch (RuntimeException e) {
            return List.of(); // rules the grader cannot read: every panel is waited for
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
            return Verdict.live(0).expected(msg("dashboard.queries-return-data.expected-queries"))
                    .found(msg("dashboard.queries-return-data.no-query")).at(Message.verbatim(context.submission().root()))
                    .hint(msg("dashboard.queries-return-data.hint-export"));
        }
        List<Queried> empty = new ArrayList<>(panels);
        List<Queried> hopeless = hopeless(context, prometheus, panels);
        ShopClient shop = context.shop();
        // Rates need an increase between two scrapes, and recording rules one more evaluation: keep
        // customers visiting the shop while waiting for that; not for panels that can never show data.
        Patience.waitUpTo(context.scrapeInterval().multipliedBy(3).plus(context.evaluationInterval().multipliedBy(2)), () -> {
                        shop.visit();
                        empty.removeIf(q -> q.returnsData(prometheus));
                        return hopeless.containsAll(empty);
                    });
        return Verdict.live(Verdict.share(panels.size() - empty.size(), panels.size()))
                .expected(msg("dashboard.queries-return-data.expected"))
                .found(empty.isEmpty() ? msg("dashboard.queries-return-data.all", panels.size())
                        : msg("dashboard.queries-return-data.empty", panels.size() - empty.size(), panels.size(), Message.clauses(empty.stream()
                        .map(q -> msg("dashboard.queries-return-data.empty-panel", q.panel().place(), String.join(" | ", q.queries()))).toList())))
                .at(Message.verbatim("GET " + prometheus.base().resolve("/api/v1/query")))
                .hint(empty.isEmpty() ? Message.NONE : msg("dashboard.queries-return-data.hint"))
                .measured(msg("dashboard.queries-return-data.all", panels.size()))
                .attach("queries", panels.stream().map(q -> q.panel().where() + (empty.contains(q) ? " [no data]" : " [data]")
                        + "\n  " + String.join("\n  ", q.queries())).collect(Collectors.joining("\n")));
    }
}
