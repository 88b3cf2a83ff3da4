package obsgrader.checks.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.clients.AlertmanagerApi;
import obsgrader.clients.PrometheusApi;
import obsgrader.grading.PromDuration;
import obsgrader.submission.LabRole;
import obsgrader.submission.Rule;

/**
 * The lab's first incident drill, for real: stop the api, and an alert about it must fire in Prometheus and
 * reach Alertmanager before a deadline derived from the submission's own intervals and {@code for}; start
 * it again, and the alert must resolve.
 */
@RubricCheck(id = "alerts.fire-on-outage", title = "api stopped: an alert fires in Prometheus, reaches Alertmanager, and resolves after the restart", live = true)
public final class OutageAlertFires implements Check {
    private static final Duration MARGIN = Duration.ofSeconds(30);
    private static final Duration LONGEST_FOR = Duration.ofMinutes(10);

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
        String firing = null;
        boolean inAlertmanager = false;
        boolean resolved = false;
        FaultTimeline timeline = FaultTimeline.inject(api + " stopped");
        context.stack().stop(api);
        try {
            timeline.await("an alert about " + api + " pending", deadline, () -> activeAbout(prometheus, aboutApi))
                    .ifPresent(alert -> timeline.record(name(alert) + " " + alert.path("state").asText() + " in Prometheus"));
            firing = timeline.await("an alert about " + api + " firing", timeline.left(deadline),
                    () -> activeAbout(prometheus, aboutApi).filter(alert -> "firing".equals(alert.path("state").asText())))
                    .map(OutageAlertFires::name).orElse(null);
            if (firing != null) {
                timeline.record(firing + " firing in Prometheus");
                String name = firing;
                inAlertmanager = timeline.await(name + " in Alertmanager", context.evaluationInterval().multipliedBy(2).plus(MARGIN),
                        () -> inAlertmanager(alertmanager, name)).isPresent();
                timeline.record(inAlertmanager ? name + " in Alertmanager" : name + " never reached Alertmanager");
            }
        } finally {
            context.stack().start(api);
            timeline.record(api + " started again");
        }
        if (firing != null) {
            resolved = timeline.await("the alert to resolve", resolvesWithin,
                    () -> activeAbout(prometheus, aboutApi).isEmpty() ? Optional.of("resolved") : Optional.empty())
                    .isPresent();
            timeline.record(resolved ? firing + " resolved" : firing + " still active " + resolvesWithin.toSeconds() + " s after the restart");
        }
        double share = (firing != null ? 3 : 0) + (inAlertmanager ? 2 : 0) + (resolved ? 1 : 0);
        return Verdict.live(share / 6)
                .expected("an alert about " + api + " firing within " + deadline.toSeconds() + " s (floor: scrape + for + "
                        + "evaluation = " + floor.toSeconds() + " s, plus an evaluation and " + MARGIN.toSeconds()
                        + " s), in Alertmanager, then resolved")
                .found(timeline.summary())
                .at("GET /api/v1/alerts (Prometheus), GET /api/v2/alerts (Alertmanager)")
                .hint(share == 6 ? "" : firing == null ? "Alert on up == 0 (InstanceDown) with a for of a minute or two."
                        : "Check prometheus.yml's alerting section and alertmanager.yml's route.")
                .attach("timeline", timeline.saveAs(context, "alerts.fire-on-outage"));
    }

    /** The quickest an alert on the stopped target can fire: its next scrape, then for, then an evaluation. */
    static Duration floor(GradingContext context) {
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

    /** An alert about the api, pending or firing (the firing one first). */
    private static Optional<JsonNode> activeAbout(PrometheusApi prometheus, Predicate<JsonNode> aboutApi) {
        Optional<JsonNode> active = Optional.empty();
        for (JsonNode alert : prometheus.alerts()) {
            if (aboutApi.test(alert) && (active.isEmpty() || "firing".equals(alert.path("state").asText()))) {
                active = Optional.of(alert);
            }
        }
        return active;
    }

    private static String name(JsonNode alert) {
        return alert.path("labels").path("alertname").asText();
    }

    private static Optional<String> inAlertmanager(AlertmanagerApi alertmanager, String name) {
        for (JsonNode alert : alertmanager.alerts()) {
            if (name.equals(alert.path("labels").path("alertname").asText())) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }
}
