package obsgrader.checks.alerts;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.engine.Shell;
import obsgrader.submission.Submission;

/** alertmanager.yml passes amtool, and its route ends at a receiver that really delivers somewhere. */
@RubricCheck(id = "alerts.alertmanager-config", title = "alertmanager.yml passes amtool check-config and routes to a receiver that delivers")
public final class AlertmanagerConfigValid implements Check {
    private static final List<String> DELIVERING = List.of("webhook_configs", "email_configs", "slack_configs",
            "pagerduty_configs", "opsgenie_configs", "telegram_configs", "msteams_configs", "discord_configs",
            "pushover_configs", "victorops_configs", "wechat_configs", "sns_configs", "webex_configs");

    @Override
    public Verdict judge(GradingContext context) {
        Submission submission = context.submission();
        Optional<Path> config = submission.alertmanagerConfig();
        if (config.isEmpty()) {
            return Verdict.fromFiles(0).expected("alertmanager.yml mounted at /etc/alertmanager/alertmanager.yml")
                    .found("none").at(submission.root().toString());
        }
        List<String> problems = new ArrayList<>();
        Shell.Result amtool = context.tools().amtool(List.of(config.get()), "check-config", config.get().toString());
        if (!amtool.ok()) {
            problems.add("amtool check-config: " + amtool.failure(3));
        }
        JsonNode tree = submission.parse(config.get()).tree();
        String defaultReceiver = tree.path("route").path("receiver").asText();
        List<String> delivering = new ArrayList<>();
        for (JsonNode receiver : tree.path("receivers")) {
            if (DELIVERING.stream().anyMatch(receiver::has)) {
                delivering.add(receiver.path("name").asText());
            }
        }
        if (delivering.isEmpty()) {
            problems.add("no receiver delivers anywhere (no webhook_configs, email_configs, slack_configs...)");
        } else if (!delivering.contains(defaultReceiver) && !tree.path("route").path("routes").toString().contains("receiver")) {
            problems.add("the route never reaches a delivering receiver (" + delivering + ")");
        }
        return Verdict.fromFiles(Verdict.share(2 - Math.min(2, problems.size()), 2))
                .expected("amtool check-config OK and a route to a receiver with a notifier")
                .found(problems.isEmpty() ? "valid; delivering receivers " + delivering : String.join("; ", problems))
                .at(config.get().getFileName().toString())
                .hint(problems.isEmpty() ? "" : "A receiver with only a name silently drops alerts: give it "
                        + "webhook_configs (e.g. a small receiver service in the stack) and send_resolved: true.")
                .attach("amtool check-config", amtool.output());
    }
}
