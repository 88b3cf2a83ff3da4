package obsgrader.checks.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * Each is a false positive measured on what runs, for the series promtool's models of a healthy shop do not hold
 * (an exporter's, a metric the student added). Left out: alerts reading the API's own metrics, which
 * {@link AlertScenarios#quietUnderLabTraffic} judges on the lab's traffic with its designed 5 % of failed orders,
 * since live, a minute of them is a random sample (5 % of about a hundred orders) and their latency the grading
 * machine's: the same files would draw a different verdict from one run to the next. Left out too: alerts on the
 * host's resources (node-exporter's {@code node_*}), since the grading machine's load is not the student's; SLO
 * alerts, which the SLO lines judge (on a stack minutes old, a 30-day budget or a 5-minute SLI of the first orders
 * says little); alerts on a target's availability ({@code up}, {@code probe_success}, {@code absent(...)}): firing,
 * they say a target really is down, which the targets and outage lines judge.
 */
final class HealthyTrafficAlerts {
    private static final Pattern AVAILABILITY = Pattern.compile("(?<![\\w:])(up|probe_success)(?![\\w:])|\\babsent(_over_time)?\\s*\\(");
    /** The lab API's own metrics, as its {@code /metrics} names them (a histogram's series by their prefix). */
    private static final Pattern API_METRICS = Pattern.compile(
            "(?<![\\w:])(http_requests_total|http_request_duration_seconds\\w*|http_requests_active|orders_total|cart_value_euros\\w*)(?![\\w:])");

    private HealthyTrafficAlerts() {
    }

    /** The alerts seen, with their state; empty when nothing runs here (a static run, no stack, no load). */
    static Optional<List<String>> seen(GradingContext context) {
        if (!context.bootsStacks()) {
            return Optional.empty();
        }
        try {
            LoadResults load = context.load();
            Map<String, String> recorded = Rule.recorded(context.submission());
            Set<String> leftOut = Rule.alerts(context.submission()).stream()
                    .filter(rule -> leftOut(Symptom.expanded(rule.expr(), recorded)))
                    .map(Rule::alert).collect(Collectors.toCollection(HashSet::new));
            leftOut.addAll(sloAlerts(context));
            return Optional.of(names(context.prometheus().query(query(healthyEnd(load))), leftOut));
        } catch (Exception e) {
            // no stack, no load, or a Prometheus that does not answer: the files' verdict stands alone
            return Optional.empty();
        }
    }

    /** The student's SLO alerts, which the SLO lines judge rather than any healthy-traffic reading. */
    static Set<String> sloAlerts(GradingContext context) {
        return Symptom.alertsOf(context.submission()).getOrDefault(Symptom.SLO, List.of()).stream()
                .map(Symptom.Watcher::alert).collect(Collectors.toSet());
    }

    /** Whether an alert's expression (its recorded series expanded) is one this live reading leaves to others. */
    static boolean leftOut(String expandedExpr) {
        return expandedExpr.contains("node_") || readsAvailability(expandedExpr) || API_METRICS.matcher(expandedExpr).find();
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
