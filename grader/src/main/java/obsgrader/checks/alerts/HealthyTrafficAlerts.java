package obsgrader.checks.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Patience;
import obsgrader.clients.PrometheusApi;
import obsgrader.scenarios.LoadResults;

/**
 * The alerts that went pending or firing on the running stack under healthy traffic: from the start of the
 * load phase (the lab's own traffic, nothing broken) until the coverage check's turn, which comes before any
 * drill. Each is a false positive measured on what runs, where promtool's healthy series only say what the
 * rules would do on the grader's idea of a healthy API (the lab's API fails 5 % of orders by design).
 */
final class HealthyTrafficAlerts {
    private HealthyTrafficAlerts() {
    }

    /** The alerts seen, with their worst state; empty when nothing runs here (a static run, no stack, no load). */
    static Optional<List<String>> seen(GradingContext context) {
        if (!context.bootsStacks()) {
            return Optional.empty();
        }
        try {
            PrometheusApi prometheus = context.prometheus();
            LoadResults load = context.load();
            // the load's last requests are scraped, then evaluated, before the alerts are read
            Instant settled = load.finished().plus(context.scrapeInterval()).plus(context.evaluationInterval());
            Patience.waitUpTo(Duration.between(Instant.now(), settled).plusSeconds(1), () -> Instant.now().isAfter(settled));
            long seconds = Math.max(1, Duration.between(load.started(), Instant.now()).toSeconds());
            return Optional.of(names(prometheus.query(query(seconds))));
        } catch (Exception e) {
            // no stack, no load, or a Prometheus that does not answer: the files' verdict stands alone
            return Optional.empty();
        }
    }

    /** Each alert that was pending or firing at some evaluation of the last {@code seconds}, with its worst state. */
    static String query(long seconds) {
        return "max by (alertname) (max_over_time((ALERTS{alertstate=\"firing\"} * 2 or ALERTS{alertstate=\"pending\"})["
                + seconds + "s:]))";
    }

    /** "Name (firing)" or "Name (pending)" for each sample of {@link #query}'s result, as Prometheus ordered them. */
    static List<String> names(JsonNode result) {
        List<String> names = new ArrayList<>();
        for (JsonNode sample : result) {
            double worst = sample.path("value").path(1).asDouble(0);
            names.add(sample.path("metric").path("alertname").asText() + (worst >= 2 ? " (firing)" : " (pending)"));
        }
        return names;
    }
}
