package obsgrader.checks.metrics;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import obsgrader.checks.Check;
import obsgrader.checks.Need;
import obsgrader.checks.Needs;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Patience;
import obsgrader.checks.Verdict;
import obsgrader.clients.PrometheusApi;
import obsgrader.clients.ShopClient;
import obsgrader.i18n.Message;

/** The API's five lab metrics reach Prometheus with the right types, labels and histogram buckets. */
@Needs({Need.PROMETHEUS, Need.SHOP})
@RubricCheck(id = "metrics.lab-metrics", title = "The API's lab metrics are scraped with the right types, labels and buckets", live = true)
public final class LabMetricsExposed implements Check {
    /** In the lab's order, so that the problems read the same every run. */
    private static final List<Map.Entry<String, String>> TYPES = List.of(
            Map.entry("http_requests_total", "counter"),
            Map.entry("http_request_duration_seconds", "histogram"),
            Map.entry("http_requests_active", "gauge"),
            Map.entry("orders_total", "counter"),
            Map.entry("cart_value_euros", "histogram"));
    private static final List<Map.Entry<String, List<String>>> LABELS = List.of(
            Map.entry("http_requests_total", List.of("method", "endpoint", "status")),
            Map.entry("orders_total", List.of("status")));

    @Override
    public Verdict judge(GradingContext context) {
        PrometheusApi prometheus = context.prometheus();
        ShopClient shop = context.shop();
        shop.get("/api/products");
        shop.post("/api/cart", "{\"product_id\": 1}");
        shop.post("/api/order", "{\"items\": [1]}");
        // the traffic above shows after the next scrape
        Patience.waitUpTo(context.scrapeInterval().multipliedBy(3), () -> problems(prometheus).isEmpty());
        List<Message> problems = problems(prometheus);
        int items = TYPES.size() + LABELS.size() + 1;
        return Verdict.live(Verdict.share(items - problems.size(), items))
                .expected(msg("metrics.lab-metrics.expected"))
                .found(problems.isEmpty() ? msg("metrics.all-of-them") : Message.clauses(problems))
                .at(Message.verbatim("GET /api/v1/metadata, /api/v1/query"))
                .hint(problems.isEmpty() ? Message.NONE : msg("metrics.lab-metrics.hint"))
                .measured(msg("metrics.lab-metrics.measured", TYPES.size()));
    }

    private static List<Message> problems(PrometheusApi prometheus) {
        List<Message> problems = new ArrayList<>();
        for (Map.Entry<String, String> typed : TYPES) {
            String found = typeOf(prometheus, typed.getKey());
            if (!typed.getValue().equals(found)) {
                problems.add(found.isEmpty() ? msg("metrics.lab-metrics.missing", typed.getKey(), typed.getValue())
                        : msg("metrics.lab-metrics.wrong-type", typed.getKey(), found, typed.getValue()));
            }
        }
        for (Map.Entry<String, List<String>> labelled : LABELS) {
            JsonNode series = prometheus.query(labelled.getKey());
            if (!series.isEmpty() && !labelled.getValue().stream().allMatch(label -> series.get(0).path("metric").has(label))) {
                problems.add(msg("metrics.lab-metrics.labels", labelled.getKey(), labelled.getValue(),
                        series.get(0).path("metric").toString()));
            }
        }
        if (prometheus.query("http_request_duration_seconds_bucket{le=~\"0.3|0.30*\"}").isEmpty()) {
            problems.add(msg("metrics.lab-metrics.no-bucket"));
        }
        return problems;
    }

    /** The metric's type from Prometheus' metadata; prometheus_client names counters with or without _total. */
    private static String typeOf(PrometheusApi prometheus, String metric) {
        JsonNode metadata = prometheus.metadata(metric);
        if (metadata.isEmpty() && metric.endsWith("_total")) {
            metadata = prometheus.metadata(metric.substring(0, metric.length() - "_total".length()));
        }
        return metadata.isEmpty() ? "" : metadata.get(0).path("type").asText();
    }
}
