package obsgrader.checks.metrics;

import static obsgrader.i18n.Message.msg;

import java.time.Duration;
import java.util.List;
import obsgrader.checks.Check;
import obsgrader.checks.Need;
import obsgrader.checks.Needs;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Patience;
import obsgrader.checks.Verdict;
import obsgrader.clients.PrometheusApi;
import obsgrader.i18n.Message;

/** Each exporter's key metric is there and healthy: node, nginx, postgres, redis, blackbox. */
@Needs(Need.PROMETHEUS)
@RubricCheck(id = "metrics.exporter-metrics", title = "Exporters report their key metrics (node CPU, nginx connections, pg_up, redis_up, probe_success)", live = true)
public final class ExporterMetrics implements Check {
    /** One query per exporter, true when it returns a sample. */
    private static final List<String> KEY_QUERIES = List.of(
            "node_cpu_seconds_total",
            "nginx_connections_active",
            "pg_up == 1",
            "redis_up == 1",
            "probe_success == 1");

    @Override
    public Verdict judge(GradingContext context) {
        PrometheusApi prometheus = context.prometheus();
        Patience.waitUpTo(context.scrapeInterval().multipliedBy(3), () -> missing(prometheus).isEmpty());
        List<String> missing = missing(prometheus);
        return Verdict.live(Verdict.share(KEY_QUERIES.size() - missing.size(), KEY_QUERIES.size()))
                .expected(msg("metrics.exporter-metrics.expected", KEY_QUERIES))
                .found(missing.isEmpty() ? msg("metrics.all-of-them") : msg("metrics.exporter-metrics.missing", missing))
                .at(Message.verbatim("GET /api/v1/query"))
                .hint(missing.isEmpty() ? Message.NONE : msg("metrics.exporter-metrics.hint"))
                .measured(msg("metrics.exporter-metrics.measured", KEY_QUERIES.size(), KEY_QUERIES));
    }

    private static List<String> missing(PrometheusApi prometheus) {
        return KEY_QUERIES.stream().filter(q -> prometheus.query(q).isEmpty()).toList();
    }
}
