package obsgrader.checks.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import obsgrader.checks.GradingContext;
import obsgrader.scenarios.LoadResults;
import obsgrader.scenarios.SimulationResult;
import obsgrader.scenarios.SlowEndpointSimulation;
import obsgrader.submission.Rule;

/**
 * The alerts pending or firing on the running stack under healthy traffic: as the load phase's healthy waves end
 * (browsing, shopping journeys, the crowd; not the slow page, the lab's own latency incident), before any drill.
 * Each is a false positive measured on what runs, where promtool's healthy series only say what the rules would
 * do on the grader's idea of a healthy API (the lab's API fails 5 % of orders by design). Left out: alerts on the
 * host's resources (node-exporter's {@code node_*}), since the grading machine's load is not the student's, and
 * SLO alerts, which the SLO lines judge (on a stack minutes old, a 30-day budget or a 5-minute SLI of the first
 * orders says little). Left out too: alerts on a target's availability ({@code up}, {@code probe_success},
 * {@code absent(...)}): firing, they say a target really is down, which the targets and outage lines judge.
 */
final class HealthyTrafficAlerts {
    private static final Pattern AVAILABILITY = Pattern.compile("(?<![\\w:])(up|probe_success)(?![\\w:])|\\babsent(_over_time)?\\s*\\(");

    private HealthyTrafficAlerts() {
    }

    /** The alerts seen, with their state; empty when nothing runs here (a static run, no stack, no load). */
    static Optional<List<String>> seen(GradingContext context) {
        if (!context.bootsStacks()) {
            return Optional.empty();
        }
        try {
            LoadResults load = context.load();
            Set<String> leftOut = Rule.alerts(context.submission()).stream()
                    .filter(rule -> rule.expr().contains("node_") || readsAvailability(rule.expr()))
                    .map(Rule::alert).collect(Collectors.toCollection(HashSet::new));
            Symptom.alertsOf(context.submission()).getOrDefault(Symptom.SLO, List.of()).forEach(slo -> leftOut.add(slo.alert()));
            return Optional.of(names(context.prometheus().query(query(healthyEnd(load))), leftOut));
        } catch (Exception e) {
            // no stack, no load, or a Prometheus that does not answer: the files' verdict stands alone
            return Optional.empty();
        }
    }

    /** Whether an alert's expression reads a target's availability: {@code up}, {@code probe_success}, {@code absent(...)}. */
    static boolean readsAvailability(String expr) {
        return AVAILABILITY.matcher(expr).find();
    }

    /** When the healthy waves ended: the latest end of every simulation but the slow page's. */
    static Instant healthyEnd(LoadResults load) {
        return load.simulations().stream()
                .filter(result -> !result.simulation().contains(SlowEndpointSimulation.class.getSimpleName()))
                .map(SimulationResult::finished).max(Instant::compareTo).orElse(load.finished());
    }

    /** The alerts pending or firing at an instant, as Prometheus's rules had evaluated them then. */
    static String query(Instant at) {
        return "ALERTS{alertstate=~\"pending|firing\"} @ " + at.getEpochSecond();
    }

    /** "Name (pending)" or "Name (firing)" for each alert of {@link #query}'s result but those left out, once each. */
    static List<String> names(JsonNode result, Set<String> leftOut) {
        List<String> names = new ArrayList<>();
        for (JsonNode sample : result) {
            String alert = sample.path("metric").path("alertname").asText();
            String named = alert + " (" + sample.path("metric").path("alertstate").asText() + ")";
            if (!leftOut.contains(alert) && !names.contains(named)) {
                names.add(named);
            }
        }
        return names;
    }
}
