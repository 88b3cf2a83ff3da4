package obsgrader.checks.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import obsgrader.grading.PromDuration;

/**
 * A dashboard's variables replaced in a panel query as Grafana replaces them before asking Prometheus:
 * the built-in intervals and range, and the dashboard's template variables at their saved value.
 */
public final class GrafanaVariables {
    /** {@code ${name}}, {@code ${name:format}}, {@code [[name]]} (legacy) and {@code $name}. */
    private static final Pattern REFERENCE =
            Pattern.compile("\\$\\{(\\w+)(?::[^}]*)?}|\\[\\[(\\w+)(?::[^\\]]*)?]]|\\$(\\w+)");
    /** An equality matcher on a variable that stands for every value: Grafana's "All" needs a regex matcher. */
    private static final Pattern EQUALS_ALL = Pattern.compile("(!?)=(\\s*\"\\.\\*\")");
    private static final String ALL = ".*";
    private static final Duration DEFAULT_RANGE = Duration.ofHours(1);

    private final Map<String, String> values = new HashMap<>();

    /**
     * @param dashboard      the dashboard model (its {@code templating} and {@code time})
     * @param scrapeInterval the submission's scrape interval: Grafana's {@code $__rate_interval} is 4 of them
     */
    public GrafanaVariables(JsonNode dashboard, Duration scrapeInterval) {
        // $__interval follows the graph's width in Grafana; a rate over it needs several scrapes to return
        // anything, so every interval resolves to the rate interval here.
        Duration rateInterval = scrapeInterval.multipliedBy(4);
        Duration range = PromDuration.parse(dashboard.path("time").path("from").asText("").replaceFirst("^now-", ""))
                .orElse(DEFAULT_RANGE);
        for (String name : List.of("__rate_interval", "__interval", "interval")) {
            values.put(name, prometheus(rateInterval));
        }
        values.put("__rate_interval_ms", String.valueOf(rateInterval.toMillis()));
        values.put("__interval_ms", String.valueOf(rateInterval.toMillis()));
        values.put("__range", prometheus(range));
        values.put("__range_s", String.valueOf(range.toSeconds()));
        values.put("__range_ms", String.valueOf(range.toMillis()));
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            value(variable, rateInterval).ifPresent(v -> values.put(variable.path("name").asText(), v));
        }
    }

    /** The query with every known variable replaced; unknown ones (and regex references like {@code $1}) are kept. */
    public String resolve(String expr) {
        Matcher reference = REFERENCE.matcher(expr);
        StringBuilder resolved = new StringBuilder();
        while (reference.find()) {
            String name = reference.group(1) != null ? reference.group(1)
                    : reference.group(2) != null ? reference.group(2) : reference.group(3);
            reference.appendReplacement(resolved, Matcher.quoteReplacement(values.getOrDefault(name, reference.group())));
        }
        reference.appendTail(resolved);
        return EQUALS_ALL.matcher(resolved)
                .replaceAll(m -> Matcher.quoteReplacement((m.group(1).isEmpty() ? "=~" : "!~") + m.group(2)));
    }

    private static Optional<String> value(JsonNode variable, Duration rateInterval) {
        JsonNode current = variable.path("current").path("value");
        List<String> selected = new ArrayList<>();
        if (current.isArray()) {
            current.forEach(v -> selected.add(v.asText()));
        } else if (!current.asText("").isEmpty()) {
            selected.add(current.asText());
        }
        String allValue = variable.path("allValue").asText("");
        return Optional.ofNullable(switch (variable.path("type").asText()) {
            case "interval" -> selected.isEmpty() || selected.get(0).startsWith("$__auto")
                    ? prometheus(rateInterval) : selected.get(0);
            case "constant", "textbox" -> selected.isEmpty() ? variable.path("query").asText("") : selected.get(0);
            case "query", "custom" -> selected.isEmpty() || selected.contains("$__all")
                    ? (allValue.isEmpty() ? ALL : allValue)
                    : String.join("|", selected);
            default -> null;
        });
    }

    private static String prometheus(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds % 3600 == 0 ? seconds / 3600 + "h" : seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }
}
