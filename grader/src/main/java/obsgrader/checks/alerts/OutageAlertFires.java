package obsgrader.checks.alerts;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import obsgrader.checks.Check;
import obsgrader.checks.InPhase;
import obsgrader.checks.Need;
import obsgrader.checks.Needs;
import obsgrader.checks.Phase;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.i18n.Message;
import obsgrader.clients.AlertmanagerApi;
import obsgrader.clients.PrometheusApi;
import obsgrader.grading.PromDuration;
import obsgrader.submission.LabRole;
import obsgrader.submission.Rule;
import obsgrader.submission.Yaml;

/**
 * The lab's first incident drill, for real: stop the api, and an alert about it must fire in Prometheus and
 * reach Alertmanager before a deadline derived from the submission's own intervals and {@code for}; start
 * it again, and the alert must resolve.
 */
@Needs({Need.STACK, Need.PROMETHEUS, Need.ALERTMANAGER})
@InPhase(Phase.OUTAGE)
@RubricCheck(id = "alerts.fire-on-outage", title = "api stopped: an alert fires in Prometheus, reaches Alertmanager, and resolves after the restart", live = true, drill = true)
public final class OutageAlertFires implements Check {
    private static final Duration MARGIN = Duration.ofSeconds(30);
    private static final Duration LONGEST_FOR = Duration.ofMinutes(10);
    private static final String FIRING = "firing";

    @Override
    public Verdict judge(GradingContext context) {
        String api = context.service(LabRole.API);
        PrometheusApi prometheus = context.prometheus();
        AlertmanagerApi alertmanager = context.alertmanager();
        Set<String> apiJobs = prometheus.activeTargets().stream()
                .filter(t -> t.instance().startsWith(api + ":") || t.instance().contains("//" + api + ":"))
                .map(PrometheusApi.Target::job).collect(Collectors.toSet());
        Predicate<JsonNode> aboutApi = alert -> apiJobs.contains(alert.path("labels").path("job").asText())
                || alert.path("labels").path("instance").asText().contains(api + ":");
        Duration floor = floor(context);
        Duration deadline = deadline(context);
        Duration resolvesWithin = context.scrapeInterval().plus(context.evaluationInterval().multipliedBy(2)).plus(MARGIN);
        List<String> firing = List.of();
        boolean inAlertmanager = false;
        boolean resolved = false;
        OutageOutlook outlook = OutageOutlook.of(context);
        FaultTimeline timeline = FaultTimeline.inject(msg("alerts.timeline.stopped", api));
        context.stack().stop(api);
        try {
            Map<String, String> seen = new TreeMap<>();
            // an alert about the api already pending (from the load) may still fire: then the deadline is waited out
            boolean waits = !outlook.cannotFire() || timeline.await("no alert about " + api + " active", Duration.ZERO,
                    () -> Optional.of(activeAbout(prometheus, aboutApi)).filter(Map::isEmpty)).isEmpty();
            timeline.await("the alerts about " + api + " to fire", waits ? deadline : Duration.ZERO, () -> {
                Map<String, String> active = activeAbout(prometheus, aboutApi);
                active.forEach((name, state) -> {
                    if (!state.equals(seen.put(name, state))) {
                        timeline.record(msg("alerts.timeline.state", name, state));
                    }
                });
                // the first alert to fire is the drill's answer: the others need not outlast it
                return Optional.of(active).filter(alerts -> !firing(alerts).isEmpty());
            });
            firing = firing(seen);
            if (firing.isEmpty()) {
                timeline.record(msg("alerts.fire-on-outage.none-fired", api));
                if (!waits) {
                    timeline.record(msg("alerts.fire-on-outage.cannot-fire", api, deadline));
                }
            } else {
                List<String> names = firing;
                // no Alertmanager in prometheus.yml, or none Prometheus sends to: the alert cannot arrive, one look
                boolean unreachable = outlook.alertmanagerUnreachable() || timeline.await("Prometheus' Alertmanagers", Duration.ZERO,
                        () -> Optional.of(prometheus.alertmanagers().path("activeAlertmanagers")).filter(list -> list.isArray() && list.isEmpty())).isPresent();
                if (unreachable) {
                    timeline.record(msg("alerts.fire-on-outage.no-alertmanager"));
                }
                Optional<String> received = timeline.await(names + " in Alertmanager", unreachable
                        ? Duration.ZERO : context.evaluationInterval().multipliedBy(2).plus(MARGIN), () -> inAlertmanager(alertmanager, names));
                timeline.record(received.map(name -> msg("alerts.timeline.in-alertmanager", name))
                        .orElse(msg("alerts.fire-on-outage.never-in-alertmanager")));
                inAlertmanager = received.isPresent();
            }
        } finally {
            context.stack().start(api);
            timeline.record(msg("alerts.timeline.started", api));
        }
        if (!firing.isEmpty()) {
            // the alerts that fired: another about the api (a latency alert still pending from the load) may linger
            List<String> fired = firing;
            resolved = timeline.await("the alerts to resolve", resolvesWithin,
                    () -> activeAbout(prometheus, aboutApi).keySet().stream().noneMatch(fired::contains)
                            ? Optional.of("resolved") : Optional.empty())
                    .isPresent();
            timeline.record(resolved ? msg("alerts.timeline.resolved") : msg("alerts.fire-on-outage.still-firing", resolvesWithin));
        }
        double share = (firing.isEmpty() ? 0 : 3) + (inAlertmanager ? 2 : 0) + (resolved ? 1 : 0);
        Verdict verdict = Verdict.live(share / 6)
                .expected(msg("alerts.fire-on-outage.expected", api, deadline, floor, MARGIN))
                .found(timeline.summary())
                .at(msg("alerts.fire-on-outage.where"))
                .hint(share == 6 ? Message.NONE : firing.isEmpty() ? msg("alerts.fire-on-outage.hint-fire")
                        : msg("alerts.fire-on-outage.hint-route"))
                .measured(measured(timeline, api, firing))
                .attach("timeline", timeline.saveAs(context, "alerts.fire-on-outage"));
        return verdict.picture(msg("alerts.fire-on-outage.chart"), "charts/alerts.fire-on-outage.png", DrillPicture.read(
                prometheus, timeline, "alerts.fire-on-outage", api, labels -> aboutApi.test(Yaml.JSON.createObjectNode()
                        .set("labels", labels)), forOfOutageAlerts(context), context.scrapeInterval(), context.evaluationInterval()));
    }

    /** "InstanceDown firing at +89 s, in Alertmanager at +92 s, resolved 15 s after the restart". */
    private static Message measured(FaultTimeline timeline, String api, List<String> firing) {
        if (firing.isEmpty()) {
            return Message.NONE;
        }
        String first = firing.get(0);
        long restarted = timeline.secondsOf(msg("alerts.timeline.started", api)).orElse(0);
        return msg("alerts.fire-on-outage.measured", first, timeline.secondsOf(msg("alerts.timeline.state", first, FIRING)).orElse(-1),
                timeline.secondsOf(msg("alerts.timeline.in-alertmanager", first)).orElse(-1),
                timeline.secondsOf(msg("alerts.timeline.resolved")).orElse(-1) - restarted);
    }

    /** The wait the submission's intervals impose: the stopped target's next scrape, the alert's for, an evaluation. */
    public static Duration floor(GradingContext context) {
        return context.scrapeInterval().plus(forOfOutageAlerts(context)).plus(context.evaluationInterval());
    }

    /** The floor, plus one more evaluation (the ticks need not line up) and a margin. */
    static Duration deadline(GradingContext context) {
        return floor(context).plus(context.evaluationInterval()).plus(MARGIN);
    }

    /** The shortest for among alerts on up or probe_success: the one that should fire first. */
    static Duration forOfOutageAlerts(GradingContext context) {
        return Rule.alerts(context.submission()).stream()
                .filter(rule -> rule.expr().matches("(?s).*\\b(up|probe_success)\\b.*"))
                .map(rule -> PromDuration.parse(rule.forDuration()).orElse(Duration.ZERO))
                .min(Duration::compareTo)
                .map(d -> d.compareTo(LONGEST_FOR) > 0 ? LONGEST_FOR : d)
                .orElse(LONGEST_FOR);
    }

    /** The alerts about the api, by name, pending or firing (firing when any of its series is). */
    private static Map<String, String> activeAbout(PrometheusApi prometheus, Predicate<JsonNode> aboutApi) {
        Map<String, String> active = new TreeMap<>();
        for (JsonNode alert : prometheus.alerts()) {
            if (aboutApi.test(alert)) {
                active.merge(alert.path("labels").path("alertname").asText(), alert.path("state").asText(),
                        (one, other) -> FIRING.equals(one) ? one : other);
            }
        }
        return active;
    }

    private static List<String> firing(Map<String, String> active) {
        return active.entrySet().stream().filter(alert -> FIRING.equals(alert.getValue())).map(Map.Entry::getKey).toList();
    }

    private static Optional<String> inAlertmanager(AlertmanagerApi alertmanager, List<String> names) {
        for (JsonNode alert : alertmanager.alerts()) {
            if (names.contains(alert.path("labels").path("alertname").asText())) {
                return Optional.of(alert.path("labels").path("alertname").asText());
            }
        }
        return Optional.empty();
    }
}
