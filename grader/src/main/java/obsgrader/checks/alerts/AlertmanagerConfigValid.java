package obsgrader.checks.alerts;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.engine.Shell;
import obsgrader.i18n.Message;
import obsgrader.submission.Submission;

/** alertmanager.yml passes amtool, and its route ends at a receiver that really delivers somewhere. */
@RubricCheck(id = "alerts.alertmanager-config", title = "alertmanager.yml passes amtool check-config and routes to a receiver that delivers")
public final class AlertmanagerConfigValid implements Check {
    private static final List<String> DELIVERING = List.of("webhook_configs", "email_configs", "slack_configs",
            "pagerduty_configs", "opsgenie_configs", "telegram_configs", "msteams_configs", "discord_configs",
            "pushover_configs", "victorops_configs", "wechat_configs", "sns_configs", "webex_configs");

    /**
     * What cannot deliver, whatever amtool says: the documentation's placeholders (CHANGE_ME, XXXX, Slack's
     * T00000000 ids, example.com) and the Alertmanager container itself (localhost), where no receiver listens.
     */
    private static final Pattern NOWHERE = Pattern.compile(
            "(?i)change_?me|a_?remplacer|remplace[rz]?_?moi|<[^>]*>|x{4,}|\\bT0{6,}|\\bB0{6,}|placeholder|your[-_](password|token|key|webhook)|example\\.(com|org|net)"
                    + "|://(localhost|127\\.\\d+\\.\\d+\\.\\d+|0\\.0\\.0\\.0)\\b|\"(localhost|127\\.0\\.0\\.1):\\d+\"");

    @Override
    public Verdict judge(GradingContext context) {
        Submission submission = context.submission();
        Optional<Path> config = submission.alertmanagerConfig();
        if (config.isEmpty()) {
            return Verdict.fromFiles(0).expected(msg("alerts.alertmanager-config.expected-file"))
                    .found(msg("alerts.none")).at(Message.verbatim(submission.root().toString()));
        }
        List<Message> problems = new ArrayList<>();
        Shell.Result amtool = context.tools().amtool(List.of(config.get()), "check-config", config.get().toString());
        if (!amtool.ok()) {
            problems.add(msg("alerts.alertmanager-config.amtool", amtool.failure(3)));
        }
        JsonNode tree = submission.parse(config.get()).tree();
        String defaultReceiver = tree.path("route").path("receiver").asText();
        List<String> delivering = new ArrayList<>();
        List<Message> nowhere = new ArrayList<>();
        for (JsonNode receiver : tree.path("receivers")) {
            if (DELIVERING.stream().anyMatch(receiver::has)) {
                Matcher placeholder = NOWHERE.matcher(receiver.toString() + settingsUsedBy(tree.path("global"), receiver));
                Optional<String> unreachable = unreachableHost(submission, tree.path("global"), receiver);
                if (placeholder.find()) {
                    nowhere.add(msg("alerts.alertmanager-config.placeholder", receiver.path("name").asText(), placeholder.group()));
                } else if (unreachable.isPresent()) {
                    nowhere.add(msg("alerts.alertmanager-config.unreachable", receiver.path("name").asText(), unreachable.get()));
                } else {
                    delivering.add(receiver.path("name").asText());
                }
            }
        }
        if (delivering.isEmpty()) {
            problems.add(nowhere.isEmpty() ? msg("alerts.alertmanager-config.no-notifier")
                    : msg("alerts.alertmanager-config.nowhere", nowhere));
        } else if (!delivering.contains(defaultReceiver) && !tree.path("route").path("routes").toString().contains("receiver")) {
            problems.add(msg("alerts.alertmanager-config.unrouted", delivering));
        }
        // alerts that reach no one are the failure this line is about: a valid file that delivers nowhere earns nothing
        return Verdict.fromFiles(delivering.isEmpty() ? 0 : Verdict.share(2 - Math.min(2, problems.size()), 2))
                .expected(msg("alerts.alertmanager-config.expected"))
                .found(problems.isEmpty() ? msg("alerts.alertmanager-config.valid", delivering) : Message.clauses(problems))
                .at(Message.verbatim(config.get().getFileName().toString()))
                .hint(problems.isEmpty() ? Message.NONE : msg("alerts.alertmanager-config.hint"))
                .measured(msg("alerts.alertmanager-config.valid", delivering))
                .attach("amtool check-config", amtool.output());
    }

    /** A webhook's or e-mail relay's host that Alertmanager cannot reach, if the receiver names one. */
    private static Optional<String> unreachableHost(Submission submission, JsonNode global, JsonNode receiver) {
        List<String> hosts = new ArrayList<>();
        receiver.path("webhook_configs").forEach(w -> hostOf(w.path("url").asText("")).ifPresent(hosts::add));
        receiver.path("email_configs").forEach(e -> hostOf("smtp://" + e.path("smarthost").asText(global.path("smtp_smarthost").asText("")))
                .ifPresent(hosts::add));
        return hosts.stream().filter(host -> !ReceiverHosts.reachable(submission, host)).findFirst();
    }

    private static Optional<String> hostOf(String url) {
        try {
            return Optional.ofNullable(java.net.URI.create(url.trim()).getHost());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The global settings a receiver relies on (smtp_* for e-mail, slack_api_url for Slack...). */
    private static String settingsUsedBy(JsonNode global, JsonNode receiver) {
        StringBuilder used = new StringBuilder();
        global.fields().forEachRemaining(setting -> {
            String kind = setting.getKey().replaceFirst("_.*", "");
            boolean relies = receiver.has(kind + "_configs") || "smtp".equals(kind) && receiver.has("email_configs");
            if (relies) {
                used.append(' ').append(setting.getValue());
            }
        });
        return used.toString();
    }
}
