package obsgrader.clients;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import obsgrader.submission.Yaml;

/** The Prometheus HTTP API (v1) of a booted stack, as the checks use it. */
public final class PrometheusApi {
    private final URI base;

    public PrometheusApi(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public boolean ready() {
        return Http.status(base.resolve("/-/ready")) == 200;
    }

    /** One scrape target as {@code /api/v1/targets} reports it. */
    public record Target(String job, String instance, String health, String lastError, String scrapeUrl) {
        public boolean up() {
            return "up".equals(health);
        }
    }

    public List<Target> activeTargets() {
        List<Target> targets = new ArrayList<>();
        for (JsonNode t : get("/api/v1/targets").path("data").path("activeTargets")) {
            targets.add(new Target(t.path("labels").path("job").asText(t.path("scrapePool").asText()),
                    t.path("labels").path("instance").asText(), t.path("health").asText(),
                    t.path("lastError").asText(), t.path("scrapeUrl").asText()));
        }
        return targets;
    }

    /** A target as Prometheus scrapes it: its URL and its labels after relabelling (job, instance, the student's own). */
    public record LabelledTarget(String scrapeUrl, Map<String, String> labels) {
    }

    /** Every active target with its labels, from {@code /api/v1/targets}. */
    public List<LabelledTarget> labelledTargets() {
        return labelledTargets(get("/api/v1/targets"));
    }

    /** The active targets of a {@code /api/v1/targets} answer, in its order. */
    public static List<LabelledTarget> labelledTargets(JsonNode answer) {
        List<LabelledTarget> targets = new ArrayList<>();
        for (JsonNode t : answer.path("data").path("activeTargets")) {
            Map<String, String> labels = new LinkedHashMap<>();
            t.path("labels").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
            targets.add(new LabelledTarget(t.path("scrapeUrl").asText(), labels));
        }
        return targets;
    }

    /** The instant vector of a query: its {@code data.result} array. */
    public JsonNode query(String promql) {
        return Http.json(Http.request().baseUri(base.toString()).queryParam("query", promql).when().get("/api/v1/query"))
                .path("data").path("result");
    }

    /** The first sample's value of an instant query, or NaN when it returns nothing. */
    public double value(String promql) {
        return values(promql).stream().findFirst().orElse(Double.NaN);
    }

    /** Every sample's value of an instant query (NaN where a sample is not a number). */
    public List<Double> values(String promql) {
        List<Double> values = new ArrayList<>();
        query(promql).forEach(sample -> values.add(sample.path("value").get(1).asDouble(Double.NaN)));
        return values;
    }

    /** The newest sample's timestamp of a metric, over every target exposing it; empty when it has none. */
    public Optional<Instant> newestScrape(String metric) {
        return instant("max(timestamp(" + metric + "))");
    }

    /** When every target exposing the metric was last scraped (the earliest of their last scrapes: replicas lag apart). */
    public Optional<Instant> lastScraped(String metric) {
        return instant("min(max by (job, instance) (timestamp(" + metric + ")))");
    }

    /** A query's value read as epoch seconds; empty when it returns nothing. */
    private Optional<Instant> instant(String promql) {
        double seconds = value(promql);
        return Double.isNaN(seconds) ? Optional.empty() : Optional.of(Instant.ofEpochMilli(Math.round(seconds * 1000)));
    }

    /** When the group holding a rule (recording or alerting, by name) was last evaluated; empty when none holds it. */
    public Optional<Instant> lastEvaluation(String rule) {
        for (JsonNode group : rules()) {
            for (JsonNode each : group.path("rules")) {
                if (rule.equals(each.path("name").asText()) && !group.path("lastEvaluation").asText("").isEmpty()) {
                    // RFC 3339 with the server's offset (Z in most containers, not all)
                    return Optional.of(OffsetDateTime.parse(group.path("lastEvaluation").asText()).toInstant());
                }
            }
        }
        return Optional.empty();
    }

    public JsonNode rules() {
        return get("/api/v1/rules").path("data").path("groups");
    }

    public JsonNode alerts() {
        return get("/api/v1/alerts").path("data").path("alerts");
    }

    public JsonNode alertmanagers() {
        return get("/api/v1/alertmanagers").path("data");
    }

    public JsonNode metadata(String metric) {
        return Http.json(Http.request().baseUri(base.toString()).queryParam("metric", metric).when().get("/api/v1/metadata"))
                .path("data").path(metric);
    }

    /** Raw JSON of an API path, for the report's evidence. */
    public String raw(String path) {
        return Yaml.JSON.valueToTree(get(path)).toPrettyString();
    }

    private JsonNode get(String path) {
        return Http.getJson(base, path);
    }
}
