package obsgrader.checks.alerts;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import obsgrader.checks.Check;
import obsgrader.checks.GradingContext;
import obsgrader.checks.InPhase;
import obsgrader.checks.Need;
import obsgrader.checks.Needs;
import obsgrader.checks.Phase;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.Verdict;
import obsgrader.clients.AlertmanagerApi;
import obsgrader.clients.WebhookReceiver;
import obsgrader.grading.PromDuration;
import obsgrader.i18n.Message;
import obsgrader.submission.Rule;
import obsgrader.submission.Submission;
import obsgrader.submission.Yaml;

/**
 * Notifications arrive, for real: a drill alert posted to Alertmanager goes down the submission's routing tree
 * to its receivers. Alertmanager's notification counters grow and its failure counters do not, and a webhook
 * receiver of the stack shows the payload. The drill alert is resolved afterwards.
 */
@Needs(Need.ALERTMANAGER)
@InPhase(Phase.OUTAGE)
@RubricCheck(id = "alerts.notifications", title = "Alertmanager notifies the submission's receivers: sent, none failed, and a webhook of the stack got the payload", live = true, drill = true)
public final class NotificationsDelivered implements Check {
    static final String DRILL = "ObsgraderNotificationDrill";
    private static final String SENT = "alertmanager_notifications_total";
    private static final String FAILED = "alertmanager_notifications_failed_total";
    /** Counted when a receiver has answered (or failed to), where the two above are counted before and after retries. */
    private static final String REQUESTS = "alertmanager_notification_requests_total";
    private static final String REQUESTS_FAILED = "alertmanager_notification_requests_failed_total";
    /** How long a receiver may take to answer the first notification (a 4xx fails at once, without retry). */
    private static final Duration ANSWER = Duration.ofSeconds(10);
    private static final String INTEGRATION = "integration";
    /** Alertmanager's default group_wait, when the route sets none. */
    private static final Duration DEFAULT_GROUP_WAIT = Duration.ofSeconds(30);
    private static final Duration MARGIN = Duration.ofSeconds(30);
    private static final Duration DRILL_LASTS = Duration.ofHours(1);

    @Override
    public Verdict judge(GradingContext context) {
        Submission submission = context.submission();
        JsonNode config = submission.alertmanagerConfig().map(file -> submission.parse(file).tree()).orElse(MissingNode.getInstance());
        AlertmanagerApi alertmanager = context.alertmanager();
        Duration deadline = longestGroupWait(config.path("route")).plus(MARGIN);
        String severity = severityOfTheAlerts(submission);
        Map<String, Double> sentBefore = alertmanager.counterBy(SENT, INTEGRATION);
        Map<String, Double> failedBefore = alertmanager.counterBy(FAILED, INTEGRATION);
        Map<String, Double> requestsBefore = alertmanager.counterBy(REQUESTS, INTEGRATION);
        Map<String, Double> requestsFailedBefore = alertmanager.counterBy(REQUESTS_FAILED, INTEGRATION);
        List<WebhookReceiver> webhooks = webhooksOfTheStack(context, config);
        FaultTimeline timeline = FaultTimeline.inject(msg("alerts.notifications.posted", DRILL + "{severity=\"" + severity + "\"}",
                Math.round(total(sentBefore.values()))));
        Optional<String> sent;
        List<String> payloadsShown = new ArrayList<>();
        try {
            alertmanager.post(drill(severity, Instant.now().plus(DRILL_LASTS)));
            boolean nothingToSend = withoutIntegration(submission);
            sent = timeline.await("a notification", nothingToSend ? Duration.ZERO : deadline,
                    () -> grown(sentBefore, alertmanager.counterBy(SENT, INTEGRATION)));
            timeline.record(sent.map(grown -> msg("alerts.notifications.sent", grown)).orElse(msg("alerts.notifications.none-sent")));
            if (nothingToSend && sent.isEmpty()) {
                timeline.record(msg("alerts.notifications.no-integration", deadline));
            }
            if (sent.isPresent()) {
                timeline.await("the receivers' answer", ANSWER, () -> grown(requestsBefore, alertmanager.counterBy(REQUESTS, INTEGRATION)));
            }
            for (WebhookReceiver webhook : webhooks) {
                // nothing sent, no payload can come: one look
                timeline.await("the payload at " + webhook.url(), sent.isPresent() ? MARGIN : Duration.ZERO,
                                () -> webhook.shown().filter(body -> body.contains(DRILL)))
                        .ifPresent(body -> payloadsShown.add(webhook.url().toString()));
            }
            payloadsShown.forEach(url -> timeline.record(msg("alerts.notifications.shown", url)));
        } finally {
            alertmanager.post(drill(severity, Instant.now()));
            timeline.record(msg("alerts.notifications.resolved"));
        }
        Optional<String> failed = grown(failedBefore, alertmanager.counterBy(FAILED, INTEGRATION))
                .or(() -> grown(requestsFailedBefore, alertmanager.counterBy(REQUESTS_FAILED, INTEGRATION)));
        // a webhook of the stack's own that fails (a 404 from a route the API lacks) delivers nothing: the failures of
        // receivers outside the stack are only a third, since no grading run may reach outside hosts
        List<String> ownReceivers = webhookUrlsInTheStack(context, config);
        boolean ownReceiverFails = !ownReceivers.isEmpty() && failed.filter(f -> f.contains("webhook")).isPresent();
        boolean webhookGotIt = webhooks.isEmpty() || !payloadsShown.isEmpty()
                || sent.filter(s -> s.contains("webhook")).isPresent() && failed.filter(f -> f.contains("webhook")).isEmpty();
        double share = sent.isEmpty() || ownReceiverFails ? 0 : (1 + (failed.isEmpty() ? 1 : 0) + (webhookGotIt ? 1 : 0)) / 3.0;
        List<Message> found = new ArrayList<>(List.of(timeline.summary()));
        failed.ifPresent(f -> found.add(ownReceiverFails ? msg("alerts.notifications.own-receiver-fails", ownReceivers, f)
                : msg("alerts.notifications.failed", f)));
        if (webhookGotIt && !webhooks.isEmpty() && payloadsShown.isEmpty()) {
            found.add(msg("alerts.notifications.delivered-unseen"));
        }
        return Verdict.live(share)
                .expected(msg("alerts.notifications.expected", deadline, MARGIN, SENT, FAILED,
                        webhooks.isEmpty() ? msg("alerts.notifications.no-webhook") : msg("alerts.notifications.at-webhook")))
                .found(Message.clauses(found))
                .measured(timeline.summary())
                .at(msg("alerts.notifications.where", webhooks.stream().map(w -> ", GET " + w.url()).collect(Collectors.joining())))
                .hint(share == 1 ? Message.NONE : sent.isEmpty() ? msg("alerts.notifications.hint-route")
                        : msg("alerts.notifications.hint-failed"))
                .attach("timeline", timeline.saveAs(context, "alerts.notifications"));
    }

    /** The drill alert as Prometheus would send it; {@code endsAt} in the past resolves it. */
    private static ArrayNode drill(String severity, Instant endsAt) {
        ArrayNode alerts = Yaml.JSON.createArrayNode();
        ObjectNode alert = alerts.addObject();
        ObjectNode labels = alert.putObject("labels").put("alertname", DRILL).put("instance", "obsgrader");
        if (!severity.isEmpty()) {
            labels.put("severity", severity);
        }
        alert.putObject("annotations").put("summary", "obsgrader notification drill")
                .put("description", "Posted by the grader to check that notifications arrive; resolved right after.");
        alert.put("endsAt", endsAt.toString());
        return alerts;
    }

    /** The severity the drill alert carries, so that severity routes take it: critical if the rules use it. */
    static String severityOfTheAlerts(Submission submission) {
        List<String> severities = Rule.alerts(submission).stream().map(rule -> rule.labels().get("severity"))
                .filter(Objects::nonNull).distinct().toList();
        return severities.contains("critical") ? "critical" : severities.stream().findFirst().orElse("");
    }

    /**
     * Whether the alertmanager.yml Alertmanager reads (mounted) gives no receiver an integration ({@code *_configs}):
     * it can then send nothing, and no notification is waited for. A file found elsewhere, or unreadable, proves
     * nothing (the image's own configuration may notify).
     */
    static boolean withoutIntegration(Submission submission) {
        return submission.mountedAlertmanagerConfig().map(submission::parse).filter(Yaml.ParseResult::ok)
                .map(parsed -> {
                    List<JsonNode> receivers = new ArrayList<>();
                    parsed.tree().path("receivers").forEach(receivers::add);
                    return receivers.stream().noneMatch(NotificationsDelivered::hasIntegration);
                })
                .orElse(false);
    }

    private static boolean hasIntegration(JsonNode receiver) {
        List<String> fields = new ArrayList<>();
        receiver.fieldNames().forEachRemaining(fields::add);
        return fields.stream().anyMatch(field -> field.endsWith("_configs") && !receiver.path(field).isEmpty());
    }

    /** The longest group_wait of the routing tree: the latest a new alert's first notification may leave. */
    static Duration longestGroupWait(JsonNode route) {
        Duration longest = PromDuration.parse(route.path("group_wait").asText("")).orElse(DEFAULT_GROUP_WAIT);
        for (JsonNode child : route.path("routes")) {
            Duration wait = longestGroupWait(child);
            longest = wait.compareTo(longest) > 0 ? wait : longest;
        }
        return longest;
    }

    /** The receivers' webhook URLs that name a service of the stack publishing that port, as seen from the host. */
    private static List<WebhookReceiver> webhooksOfTheStack(GradingContext context, JsonNode config) {
        List<WebhookReceiver> webhooks = new ArrayList<>();
        for (JsonNode receiver : config.path("receivers")) {
            for (JsonNode webhook : receiver.path("webhook_configs")) {
                URI url = URI.create(webhook.path("url").asText("").trim());
                context.submission().compose().flatMap(compose -> compose.serviceAt(Objects.toString(url.getHost(), "")))
                        .flatMap(service -> context.stack().endpointIfPublished(service, url.getPort() < 0 ? 80 : url.getPort()))
                        .map(host -> new WebhookReceiver(host.resolve(url.getRawPath())))
                        .filter(found -> webhooks.stream().noneMatch(w -> w.url().equals(found.url())))
                        .ifPresent(webhooks::add);
            }
        }
        return webhooks;
    }

    /** The receivers' webhook URLs whose host is a service of the stack, published or not. */
    private static List<String> webhookUrlsInTheStack(GradingContext context, JsonNode config) {
        List<String> urls = new ArrayList<>();
        for (JsonNode receiver : config.path("receivers")) {
            for (JsonNode webhook : receiver.path("webhook_configs")) {
                String url = webhook.path("url").asText("").trim();
                String host = Objects.toString(URI.create(url).getHost(), "");
                if (context.submission().compose().flatMap(compose -> compose.serviceAt(host)).isPresent() && !urls.contains(url)) {
                    urls.add(url);
                }
            }
        }
        return urls;
    }

    /** Which integrations' counters grew, e.g. "webhook +2"; empty when none did. */
    private static Optional<String> grown(Map<String, Double> before, Map<String, Double> now) {
        String grown = now.entrySet().stream().filter(e -> e.getValue() > before.getOrDefault(e.getKey(), 0.0))
                .map(e -> e.getKey() + " +" + Math.round(e.getValue() - before.getOrDefault(e.getKey(), 0.0)))
                .collect(Collectors.joining(", "));
        return grown.isEmpty() ? Optional.empty() : Optional.of(grown);
    }

    private static double total(Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).sum();
    }
}
