package obsgrader.checks.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
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
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab's first incident drill, for real: stop the api, and an alert about it must fire in Prometheus and
 * reach Alertmanager before a deadline derived from the submission's own intervals and {@code for}; start
 * it again, and the alert must resolve.
 */
@RubricCheck(id = "alerts.fire-on-outage", title = "api stopped: an alert fires in Prometheus, reaches Alertmanager, and resolves after the restart", live = true)
public final class OutageAlertFires implements Check {
    private static final Logger LOG = LoggerFactory.getLogger(OutageAlertFires.class);
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
        Duration floor = context.scrapeInterval().plus(context.evaluationInterval().multipliedBy(2)).plus(forOfOutageAlerts(context));
        Duration deadline = floor.plus(MARGIN);
        List<String> timeline = new ArrayList<>();
        Instant injected = Instant.now();
        timeline.add("api stopped at " + injected);
        String firing = null;
        boolean inAlertmanager = false;
        boolean resolved = false;
        context.stack().stop(api);
        try {
            firing = await("an alert about " + api + " firing in Prometheus", deadline, injected,
                    () -> firingAbout(prometheus, aboutApi)).orElse(null);
            if (firing != null) {
                timeline.add(firing + " firing in Prometheus after " + since(injected));
                String name = firing;
                inAlertmanager = await(name + " in Alertmanager", context.evaluationInterval().multipliedBy(2).plus(MARGIN),
                        injected, () -> inAlertmanager(alertmanager, name)).isPresent();
                timeline.add(inAlertmanager ? name + " in Alertmanager after " + since(injected) : name + " never reached Alertmanager");
            }
        } finally {
            context.stack().start(api);
        }
        Instant restarted = Instant.now();
        timeline.add("api started again at " + restarted);
        if (firing != null) {
            resolved = await("the alert to resolve", context.scrapeInterval().plus(context.evaluationInterval().multipliedBy(2)).plus(MARGIN),
                    restarted, () -> firingAbout(prometheus, aboutApi).isEmpty() ? Optional.of("resolved") : Optional.empty())
                    .isPresent();
            timeline.add(resolved ? "resolved after " + since(restarted) : "still firing " + since(restarted) + " after the restart");
        }
        double share = (firing != null ? 3 : 0) + (inAlertmanager ? 2 : 0) + (resolved ? 1 : 0);
        return Verdict.live(share / 6)
                .expected("an alert about " + api + " firing within " + deadline.toSeconds() + " s (scrape + 2 evaluations + for "
                        + "= " + floor.toSeconds() + " s, plus " + MARGIN.toSeconds() + " s), in Alertmanager, then resolved")
                .found(String.join("; ", timeline))
                .at("GET /api/v1/alerts (Prometheus), GET /api/v2/alerts (Alertmanager)")
                .hint(share == 6 ? "" : firing == null ? "Alert on up == 0 (InstanceDown) with a for of a minute or two."
                        : "Check prometheus.yml's alerting section and alertmanager.yml's route.")
                .attach("timeline", String.join("\n", timeline));
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

    private static Optional<String> firingAbout(PrometheusApi prometheus, Predicate<JsonNode> aboutApi) {
        for (JsonNode alert : prometheus.alerts()) {
            if ("firing".equals(alert.path("state").asText()) && aboutApi.test(alert)) {
                return Optional.of(alert.path("labels").path("alertname").asText());
            }
        }
        return Optional.empty();
    }

    private static Optional<String> inAlertmanager(AlertmanagerApi alertmanager, String name) {
        for (JsonNode alert : alertmanager.alerts()) {
            if (name.equals(alert.path("labels").path("alertname").asText())) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** Waits for a condition, saying every 15 s how long is left, so a person watching knows it is not stuck. */
    private static Optional<String> await(String what, Duration deadline, Instant since,
                                          Callable<Optional<String>> condition) {
        List<Optional<String>> last = new ArrayList<>(List.of(Optional.empty()));
        try {
            Awaitility.await(what).atMost(deadline).pollInterval(Duration.ofSeconds(3)).ignoreExceptions()
                    .conditionEvaluationListener(c -> {
                        if (c.getElapsedTimeInMS() / 3000 % 5 == 0) {
                            LOG.info("waiting for {}: {} s left", what, c.getRemainingTimeInMS() / 1000);
                        }
                    })
                    .until(() -> {
                        last.set(0, condition.call());
                        return last.get(0).isPresent();
                    });
        } catch (ConditionTimeoutException e) {
            LOG.info("gave up waiting for {} after {}", what, since(since));
        }
        return last.get(0);
    }

    private static String since(Instant start) {
        return Duration.between(start, Instant.now()).toSeconds() + " s";
    }
}
