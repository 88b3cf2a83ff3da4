package obsgrader.checks.bonus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.checks.alerts.ReceiverHosts;
import obsgrader.checks.bonus.AlertmanagerWebhooks.Webhook;
import obsgrader.checks.dashboard.SubmissionFiles;
import obsgrader.submission.Submission;

/**
 * Alertmanager notifies a custom webhook: a receiver with webhook_configs and a URL, that the routing tree
 * uses, whose host Alertmanager can reach (a service of the stack, or a host outside it), and that is told when
 * alerts resolve. A quarter of the points each, for the best webhook of the file.
 */
@RubricCheck(id = "bonus.webhooks", title = "Bonus: Alertmanager notifies a custom webhook receiver")
public final class CustomWebhooks implements Check {
    private static final int PARTS = 4;

    @Override
    public Verdict judge(GradingContext context) {
        Submission submission = context.submission();
        List<Webhook> webhooks = AlertmanagerWebhooks.of(submission);
        if (webhooks.isEmpty()) {
            return Verdict.fromFiles(0).expected("a receiver with webhook_configs in alertmanager.yml")
                    .found(submission.alertmanagerConfig().isEmpty() ? "no alertmanager.yml" : "no webhook_configs")
                    .at(submission.alertmanagerConfig().map(f -> SubmissionFiles.where(submission, f, 0)).orElse("alertmanager.yml"))
                    .hint("Add a receiver with webhook_configs: [{url: 'http://webhook:5001/alerts', send_resolved: true}] "
                            + "and route alerts to it.");
        }
        Webhook best = webhooks.stream().min(Comparator.comparingInt(w -> problems(submission, w).size())).orElseThrow();
        List<String> problems = problems(submission, best);
        // a webhook that reaches no receiver is no custom receiver: the rest of its setup earns nothing
        return Verdict.fromFiles(reachable(submission, best) ? Verdict.share(PARTS - problems.size(), PARTS) : 0)
                .expected("a routed webhook receiver with a reachable URL and send_resolved")
                .found("receiver \"" + best.receiver() + "\" posts to " + best.url()
                        + (problems.isEmpty() ? ", routed, send_resolved" : "; " + String.join("; ", problems))
                        + "; detected statically")
                .at(SubmissionFiles.where(submission, best.file(), best.line()))
                .hint(problems.isEmpty() ? "" : "Point the webhook at a service of the stack by its compose name "
                        + "(http://webhook:5001/...), route alerts to its receiver, and keep send_resolved: true.");
    }

    private static boolean reachable(Submission submission, Webhook webhook) {
        return webhook.host().filter(host -> ReceiverHosts.reachable(submission, host)).isPresent();
    }

    private static List<String> problems(Submission submission, Webhook webhook) {
        List<String> problems = new ArrayList<>();
        if (webhook.url().isBlank()) {
            problems.add("no url");
        }
        if (!webhook.routed()) {
            problems.add("no route sends to it");
        }
        Optional<String> host = webhook.host();
        if (!reachable(submission, webhook)) {
            problems.add(host.map(h -> h + " is neither a service of the stack nor an outside host").orElse("no host in the url"));
        }
        if (!webhook.sendResolved()) {
            problems.add("send_resolved: false");
        }
        return problems;
    }
}
