package obsgrader.checks.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import obsgrader.checks.Check;
import obsgrader.checks.GradingContext;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.Verdict;
import obsgrader.checks.alerts.Symptom.Watcher;
import obsgrader.clients.PrometheusApi;
import obsgrader.scenarios.IncidentBurst;
import obsgrader.scenarios.ShopRequest;
import obsgrader.scenarios.SimulationResult;

/**
 * An incident on real data: orders (about 5 % fail to pay) and slow requests pour in until an alert of each
 * symptom (error rate, order failures, latency, SLO) is at least pending. Their {@code for} is not waited
 * out: the promtool unit tests of alerts.coverage prove it; reaching pending proves the expression live.
 * A symptom whose alerts read series Prometheus does not have cannot be raised, and is not waited for. The
 * lab's API fails about 5 % of orders, no more: an alert on a 5 % error rate goes pending only by chance, so a
 * symptom whose alert measures live data that stays on the quiet side of its threshold counts as raised too.
 */
@RubricCheck(id = "alerts.burst-pending", title = "Bursts of orders and slow requests drive the error-rate, order-failure, latency and SLO alerts to pending", live = true, drill = true)
public final class BurstAlertsPending implements Check {
    private static final Duration MARGIN = Duration.ofSeconds(30);
    /** Longer rate windows (burn rates over hours) are not filled; a quicker alert of the same symptom will do. */
    private static final Duration LONGEST_WINDOW = Duration.ofMinutes(10);

    @Override
    public Verdict judge(GradingContext context) {
        PrometheusApi prometheus = context.prometheus();
        Map<Symptom, List<Watcher>> watching = Symptom.alertsOf(context.submission());
        Predicate<String> present = name -> !Double.isNaN(prometheus.value("count({__name__=\"" + name + "\"})"));
        Map<Symptom, List<Watcher>> raisable = new EnumMap<>(Symptom.class);
        List<String> missing = new ArrayList<>();
        for (Symptom symptom : Symptom.values()) {
            List<Watcher> watchers = watching.getOrDefault(symptom, List.of());
            List<Watcher> withData = watchers.stream().filter(w -> w.reads().stream().allMatch(present)).toList();
            if (!withData.isEmpty()) {
                raisable.put(symptom, withData);
            } else {
                missing.add(watchers.isEmpty() ? "no alert watches " + symptom.meaning() : "no alert of " + symptom.meaning()
                        + " can go pending: " + watchers.stream().map(w -> w.alert() + " reads " + absent(w.reads(), present))
                        .distinct().collect(Collectors.joining(", ")) + ", which Prometheus does not have");
            }
        }
        Map<Symptom, String> raised = new EnumMap<>(Symptom.class);
        FaultTimeline timeline = raisable.isEmpty() ? FaultTimeline.inject("no burst: no alert can go pending")
                : burst(context, raisable, raised);
        raisable.keySet().stream().filter(symptom -> !raised.containsKey(symptom)).forEach(symptom -> missing.add("no alert of "
                + symptom.meaning() + " pending (" + raisable.get(symptom).stream().map(Watcher::alert).distinct()
                .collect(Collectors.joining(", ")) + ")"));
        return Verdict.live(Verdict.share(raised.size(), Symptom.values().length))
                .expected("an alert of each symptom (error rate, order failures, latency, SLO) pending or firing within "
                        + deadline(context, raisable).toSeconds() + " s of a burst (the quickest rate window of each "
                        + "symptom's alerts, a scrape, two evaluations and " + MARGIN.toSeconds() + " s)")
                .found(missing.isEmpty() ? timeline.summary() : String.join("; ", missing) + "; " + timeline.summary())
                .at("GET /api/v1/alerts")
                .hint(missing.isEmpty() ? "" : "Alert on the 5xx ratio of http_requests_total, on failed orders_total, on "
                        + "histogram_quantile of http_request_duration_seconds, and on the SLIs, as the lab's rules do.")
                .attach("timeline", timeline.saveAs(context, "alerts.burst-pending"));
    }

    /** Runs the burst until every raisable symptom's alert is pending, or its deadline; notes them in {@code raised}. */
    private static FaultTimeline burst(GradingContext context, Map<Symptom, List<Watcher>> raisable, Map<Symptom, String> raised) {
        PrometheusApi prometheus = context.prometheus();
        Duration deadline = deadline(context, raisable);
        List<String> activeBefore = active(prometheus).stream().map(BurstAlertsPending::describe).toList();
        FaultTimeline timeline = FaultTimeline.inject("burst of orders and slow requests for " + deadline.toSeconds()
                + " s at most" + (activeBefore.isEmpty() ? "" : " (already active: " + String.join(", ", activeBefore) + ")"));
        SimulationResult burst;
        try (IncidentBurst running = IncidentBurst.start(context.loadTarget(), context.reportFolder().resolve("gatling"), deadline)) {
            timeline.await("alerts of " + raisable.keySet().stream().map(Symptom::meaning).toList(), deadline, () -> {
                noteRaised(active(prometheus), raisable, raised, timeline);
                return raised.keySet().containsAll(raisable.keySet()) ? Optional.of(raised) : Optional.empty();
            });
            raisable.forEach((symptom, watchers) -> {
                if (!raised.containsKey(symptom)) {
                    quietButLive(prometheus, watchers).ifPresent(found -> {
                        raised.put(symptom, found);
                        timeline.record(found + " (" + symptom.meaning() + ")");
                    });
                }
            });
            burst = running.finish();
        }
        timeline.record("burst stopped: " + burst.of(ShopRequest.ORDER).count() + " orders (" + burst.of(ShopRequest.ORDER).failed()
                + " refused), " + burst.of(ShopRequest.SLOW_PAGE).count() + " slow pages; the alerts resolve as their windows empty");
        return timeline;
    }

    /** An alert whose measure returns live data below its threshold, described; empty when none does. */
    private static Optional<String> quietButLive(PrometheusApi prometheus, List<Watcher> watchers) {
        for (Watcher watcher : watchers) {
            Optional<Threshold> threshold = Threshold.of(watcher.expr());
            if (threshold.isPresent()) {
                Optional<Double> highest = prometheus.values(threshold.get().measure()).stream().filter(Double::isFinite)
                        .max(Double::compare);
                if (highest.isPresent()) {
                    return Optional.of(watcher.alert() + " measures live data (" + String.format(Locale.ROOT, "%.3g", highest.get())
                            + "), quiet against its threshold " + threshold.get() + ": the burst cannot push it over, "
                            + "promtool's unit tests prove it fires");
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Time for the burst to fill, at worst, the rate window of each symptom's quickest alert, then for a scrape
     * and two evaluations to see it.
     */
    static Duration deadline(GradingContext context, Map<Symptom, List<Watcher>> watching) {
        Duration slowest = watching.values().stream()
                .map(watchers -> watchers.stream().map(Watcher::window).min(Duration::compareTo).orElse(Duration.ZERO))
                .map(window -> window.compareTo(LONGEST_WINDOW) > 0 ? LONGEST_WINDOW : window)
                .max(Duration::compareTo).orElse(Duration.ZERO);
        return slowest.plus(context.scrapeInterval()).plus(context.evaluationInterval().multipliedBy(2)).plus(MARGIN);
    }

    private static String absent(Set<String> series, Predicate<String> present) {
        return series.stream().filter(present.negate()).collect(Collectors.joining(", "));
    }

    private static List<JsonNode> active(PrometheusApi prometheus) {
        List<JsonNode> active = new ArrayList<>();
        prometheus.alerts().forEach(active::add);
        return active;
    }

    private static void noteRaised(List<JsonNode> active, Map<Symptom, List<Watcher>> raisable,
                                   Map<Symptom, String> raised, FaultTimeline timeline) {
        raisable.forEach((symptom, watchers) -> active.stream()
                .filter(alert -> !raised.containsKey(symptom) && watchers.stream().anyMatch(w -> w.alert().equals(name(alert))))
                .findFirst().ifPresent(alert -> {
                    raised.put(symptom, name(alert));
                    timeline.record(describe(alert) + " (" + symptom.meaning() + ")");
                }));
    }

    private static String name(JsonNode alert) {
        return alert.path("labels").path("alertname").asText();
    }

    private static String describe(JsonNode alert) {
        return name(alert) + " " + alert.path("state").asText();
    }
}
