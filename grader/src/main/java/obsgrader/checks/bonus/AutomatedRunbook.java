package obsgrader.checks.bonus;

import static obsgrader.i18n.Message.msg;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.i18n.Message;
import obsgrader.checks.bonus.AlertmanagerWebhooks.Webhook;
import obsgrader.checks.dashboard.SubmissionFiles;
import obsgrader.checks.docs.Runbooks;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.Submission;

/**
 * A runbook that acts: a script in a runbook folder (or named runbook*), or a service receiving the alerts
 * (an Alertmanager webhook target, or named for it) whose code does something about them — restarts,
 * commands — rather than only logging them.
 */
@RubricCheck(id = "bonus.runbook-automation")
public final class AutomatedRunbook implements Check {
    private static final Pattern SCRIPT = Pattern.compile("(?i).*\\.(sh|bash|py|ps1|rb|js)$");
    private static final Pattern RECEIVER_NAME = Pattern.compile("(?i)webhook|receiver|remediat|runbook|heal");
    /** What acting looks like in code: running commands, driving Docker or an orchestrator. */
    private static final Pattern ACTION = Pattern.compile(
            "subprocess|os\\.system|os\\.popen|docker\\.from_env|DockerClient|\\.restart\\(|kubectl|systemctl"
                    + "|docker(-compose|\\s+compose)?\\s+(restart|start|stop|kill|scale|up)");

    @Override
    public Verdict judge(GradingContext context) {
        Submission submission = context.submission();
        List<Message> automations = new ArrayList<>();
        Runbooks.files(submission).stream()
                .filter(f -> SCRIPT.matcher(f.getFileName().toString()).matches()
                        || Files.isExecutable(f) && !f.getFileName().toString().contains("."))
                .forEach(f -> automations.add(msg("bonus.runbook-automation.script", SubmissionFiles.where(submission, f, 0))));
        submission.compose().ifPresent(compose -> receivers(submission, compose).forEach(service ->
                ComposeServices.code(compose, service).stream().filter(f -> ACTION.matcher(SubmissionFiles.read(f)).find())
                        .forEach(f -> automations.add(msg("bonus.runbook-automation.service", service,
                                SubmissionFiles.where(submission, f, 0))))));
        Message found = automations.isEmpty() ? msg("bonus.runbook-automation.none")
                : msg("bonus.runbook-automation.found", automations);
        return Verdict.fromFiles(automations.isEmpty() ? 0 : 1)
                .expected(msg("bonus.runbook-automation.expected"))
                .found(found)
                .at(msg("bonus.runbook-automation.where"))
                .hint(automations.isEmpty() ? msg("bonus.runbook-automation.hint") : Message.NONE)
                .measured(found);
    }

    /** The services that receive alerts: targets of Alertmanager's webhooks, or services named for it that the submission builds. */
    private static Set<String> receivers(Submission submission, ComposeFile compose) {
        Set<String> services = new LinkedHashSet<>();
        AlertmanagerWebhooks.of(submission).stream().map(Webhook::host).flatMap(Optional::stream)
                .flatMap(host -> compose.serviceAt(host).stream()).forEach(services::add);
        compose.services().keySet().stream().filter(s -> RECEIVER_NAME.matcher(s).find() && compose.isBuilt(s)).forEach(services::add);
        return services;
    }
}
