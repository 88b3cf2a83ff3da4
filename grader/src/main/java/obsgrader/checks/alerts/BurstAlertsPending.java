package obsgrader.checks.alerts;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import obsgrader.checks.Check;
import obsgrader.checks.GradingContext;
import obsgrader.checks.InPhase;
import obsgrader.checks.Patience;
import obsgrader.checks.Need;
import obsgrader.checks.Needs;
import obsgrader.checks.Phase;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.Verdict;
import obsgrader.checks.alerts.Symptom.Watcher;
import obsgrader.clients.PrometheusApi;
import obsgrader.i18n.Message;
import obsgrader.scenarios.IncidentBurst;
import obsgrader.scenarios.ShopRequest;
import obsgrader.scenarios.SimulationResult;

/**
 * An incident on real data: orders (about 5 % fail to pay) and slow requests pour in until an alert of each
 * symptom (error rate, order failures, latency, SLO) is at least pending. Their {@code for} is not waited
 * out: the promtool unit tests of alerts.coverage prove it; reaching pending proves the expression live.
 * A symptom whose alerts read series Prometheus does not have once the burst is scraped cannot be raised, and is
 * not waited for. The lab's API fails about 5 % of orders, no more: an alert on a 5 % error rate goes pending
 * only by chance, so a symptom whose alert measures live data that stays on the quiet side of its threshold
 * counts as raised too.
 */
@Needs(Need.PROMETHEUS)
@InPhase(value = Phase.BURST, measured = true)
@RubricCheck(id = "alerts.burst-pending", title = "Bursts of orders and slow requests drive the error-rate, order-failure, latency and SLO alerts to pending", live = true, drill = true)
public final class BurstAlertsPending implements Check {
    private static final Duration MARGIN = Duration.ofSeconds(30);
    /** Longer rate windows (burn rates over hours) are not filled; a quicker alert of the same symptom will do. */
    private static final Duration LONGEST_WINDOW = Duration.ofMinutes(10);
    /** The symptoms the burst's own traffic caps (about 5 % of orders fail, no more): an alert above that never goes pending. */
    private static final Set<Symptom> CAPPED = Collections.unmodifiableSet(EnumSet.of(Symptom.ERROR_RATE, Symptom.ORDER_FAILURES));

    @Override
    public Verdict judge(GradingContext context) {
        // asked first: without a stack the line is not assessed, whatever the rule files hold
        PrometheusApi prometheus = context.prometheus();
        Map<Symptom, List<Watcher>> watching = Symptom.alertsOf(context.submission());
        Map<Symptom, List<Watcher>> raisable = new EnumMap<>(Symptom.class);
        List<Message> missing = new ArrayList<>();
        Set<Symptom> raised = EnumSet.noneOf(Symptom.class);
        FaultTimeline timeline;
        if (watching.isEmpty()) {
            sortOut(watching, name -> false, raisable, missing);
            timeline = FaultTimeline.inject(msg("alerts.burst-pending.no-burst"));
        } else {
            timeline = burst(context, prometheus, watching, raisable, missing, raised);
        }
        raisable.keySet().stream().filter(symptom -> !raised.contains(symptom)).forEach(symptom -> missing.add(msg(
                "alerts.burst-pending.not-pending", symptom.meaning(), raisable.get(symptom).stream().map(Watcher::alert).distinct().toList())));
        List<Message> found = new ArrayList<>(missing);
        found.add(timeline.summary());
        return Verdict.live(Verdict.share(raised.size(), Symptom.values().length))
                .expected(msg("alerts.burst-pending.expected", deadline(context, raisable), MARGIN))
                .found(Message.clauses(found))
                .measured(timeline.summary())
                .at(msg("alerts.burst-pending.where"))
                .hint(missing.isEmpty() ? Message.NONE : msg("alerts.burst-pending.hint"))
                .attach("timeline", timeline.saveAs(context, "alerts.burst-pending"));
    }

    /** Each symptom's alerts whose series Prometheus has go to {@code raisable}; a symptom with none, to {@code missing}. */
    private static void sortOut(Map<Symptom, List<Watcher>> watching, Predicate<String> present,
                                Map<Symptom, List<Watcher>> raisable, List<Message> missing) {
        for (Symptom symptom : Symptom.values()) {
            List<Watcher> watchers = watching.getOrDefault(symptom, List.of());
            List<Watcher> withData = watchers.stream().filter(w -> w.reads().stream().allMatch(present)).toList();
            if (!withData.isEmpty()) {
                raisable.put(symptom, withData);
            } else {
                missing.add(watchers.isEmpty() ? msg("alerts.burst-pending.unwatched", symptom.meaning())
                        : msg("alerts.burst-pending.no-data", symptom.meaning(), watchers.stream()
                        .map(w -> msg("alerts.burst-pending.reads", w.alert(), absent(w.reads(), present))).distinct().toList()));
            }
        }
    }

    /**
     * Runs the burst until every raisable symptom's alert is pending, or its deadline; notes them in {@code raised}.
     * Which alerts can be raised is read once the burst's requests have been scraped: a client library makes a
     * labelled series at its first request, and the outage drill has just restarted the api, so before that
     * an alert on {@code orders_total} or {@code http_requests_total} would seem to read nothing.
     */
    private static FaultTimeline burst(GradingContext context, PrometheusApi prometheus, Map<Symptom, List<Watcher>> watching,
                                       Map<Symptom, List<Watcher>> raisable, List<Message> missing, Set<Symptom> raised) {
        Duration atMost = deadline(context, watching);
        List<String> activeBefore = active(prometheus).stream().map(BurstAlertsPending::describe).toList();
        FaultTimeline timeline = FaultTimeline.inject(activeBefore.isEmpty() ? msg("alerts.burst-pending.burst", atMost)
                : msg("alerts.burst-pending.burst-after", atMost, activeBefore));
        SimulationResult burst;
        try (IncidentBurst running = IncidentBurst.start(context.loadTarget(), context.reportFolder().resolve("gatling"), atMost)) {
            Instant began = Instant.now();
            Patience.waitUpTo(context.scrapeInterval().plus(MARGIN),
                    () -> prometheus.lastScraped("up").map(scraped -> scraped.isAfter(began)).orElse(true));
            sortOut(watching, name -> !Double.isNaN(prometheus.value("count({__name__=\"" + name + "\"})")), raisable, missing);
            Duration left = deadline(context, raisable).minus(Duration.between(began, Instant.now()));
            if (!raisable.isEmpty()) {
                timeline.await("alerts of " + raisable.keySet().stream().map(Symptom::meaning).toList(),
                        left.isNegative() ? Duration.ZERO : left, () -> {
                            noteRaised(active(prometheus), raisable, raised, timeline);
                            // what the API's designed 5 % caps counts once it reads live data: waiting for more is vain
                            boolean onlyCappedLeft = raisable.keySet().stream().filter(symptom -> !raised.contains(symptom))
                                    .allMatch(symptom -> CAPPED.contains(symptom) && quietButLive(prometheus, raisable.get(symptom)).isPresent());
                            return raised.containsAll(raisable.keySet()) || onlyCappedLeft ? Optional.of(raised) : Optional.empty();
                        });
            }
            raisable.forEach((symptom, watchers) -> {
                if (!raised.contains(symptom)) {
                    quietButLive(prometheus, watchers).ifPresent(found -> {
                        raised.add(symptom);
                        timeline.record(msg("alerts.burst-pending.raised", found, symptom.meaning()));
                    });
                }
            });
            burst = running.finish();
        }
        timeline.record(msg("alerts.burst-pending.stopped", burst.of(ShopRequest.ORDER).count(), burst.of(ShopRequest.ORDER).failed(),
                burst.of(ShopRequest.SLOW_PAGE).count()));
        return timeline;
    }

    /** An alert whose measure returns live data below its threshold, described; empty when none does. */
    private static Optional<Message> quietButLive(PrometheusApi prometheus, List<Watcher> watchers) {
        for (Watcher watcher : watchers) {
            Optional<Threshold> threshold = Threshold.of(watcher.expr());
            if (threshold.isPresent()) {
                Optional<Double> highest = prometheus.values(threshold.get().measure()).stream().filter(Double::isFinite)
                        .max(Double::compare);
                if (highest.isPresent()) {
                    return Optional.of(msg("alerts.burst-pending.quiet", watcher.alert(), highest.get(), threshold.get().toString()));
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
                                   Set<Symptom> raised, FaultTimeline timeline) {
        raisable.forEach((symptom, watchers) -> active.stream()
                .filter(alert -> !raised.contains(symptom) && watchers.stream().anyMatch(w -> w.alert().equals(name(alert))))
                .findFirst().ifPresent(alert -> {
                    raised.add(symptom);
                    timeline.record(msg("alerts.burst-pending.raised", describe(alert), symptom.meaning()));
                }));
    }

    private static String name(JsonNode alert) {
        return alert.path("labels").path("alertname").asText();
    }

    private static String describe(JsonNode alert) {
        return name(alert) + " " + alert.path("state").asText();
    }
}
