package obsgrader.checks.bonus;

import static obsgrader.i18n.Message.msg;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.i18n.Message;
import obsgrader.checks.alerts.ReceiverHosts;
import obsgrader.checks.bonus.AlertmanagerWebhooks.Webhook;
import obsgrader.checks.dashboard.SubmissionFiles;
import obsgrader.submission.Submission;

/**
 * Alertmanager notifies a custom webhook: a receiver with webhook_configs and a URL, that the routing tree
 * uses, whose host Alertmanager can reach (a service of the stack, or a host outside it), and that is told when
 * alerts resolve. A quarter of the points each, for the best webhook of the file.
 */
@RubricCheck(id = "bonus.webhooks")
public final class CustomWebhooks implements Check {
    private static final int PARTS = 4;

    @Override
    public Verdict judge(GradingContext context) {
        Submission submission = context.submission();
        List<Webhook> webhooks = AlertmanagerWebhooks.of(submission);
        if (webhooks.isEmpty()) {
            return Verdict.fromFiles(0).expected(msg("bonus.webhooks.expected-receiver"))
                    .found(msg(submission.alertmanagerConfig().isEmpty() ? "bonus.webhooks.no-config" : "bonus.webhooks.no-webhook"))
                    .at(Message.verbatim(submission.alertmanagerConfig().map(f -> SubmissionFiles.where(submission, f, 0)).orElse("alertmanager.yml")))
                    .hint(msg("bonus.webhooks.hint-receiver"));
        }
        Webhook best = webhooks.stream().min(Comparator.comparingInt(w -> problems(submission, w).size())).orElseThrow();
        List<Message> problems = problems(submission, best);
        Message found = problems.isEmpty() ? msg("bonus.webhooks.found", best.receiver(), best.url())
                : msg("bonus.webhooks.found-problems", best.receiver(), best.url(), problems);
        // a webhook that reaches no receiver is no custom receiver: the rest of its setup earns nothing
        return Verdict.fromFiles(reachable(submission, best) ? Verdict.share(PARTS - problems.size(), PARTS) : 0)
                .expected(msg("bonus.webhooks.expected"))
                .found(found)
                .at(Message.verbatim(SubmissionFiles.where(submission, best.file(), best.line())))
                .hint(problems.isEmpty() ? Message.NONE : msg("bonus.webhooks.hint"))
                .measured(found);
    }

    private static boolean reachable(Submission submission, Webhook webhook) {
        return webhook.host().filter(host -> ReceiverHosts.reachable(submission, host)).isPresent();
    }

    private static List<Message> problems(Submission submission, Webhook webhook) {
        List<Message> problems = new ArrayList<>();
        if (webhook.url().isBlank()) {
            problems.add(msg("bonus.webhooks.no-url"));
        }
        if (!webhook.routed()) {
            problems.add(msg("bonus.webhooks.not-routed"));
        }
        Optional<String> host = webhook.host();
        if (!reachable(submission, webhook)) {
            problems.add(host.map(h -> msg("bonus.webhooks.unreachable", h)).orElse(msg("bonus.webhooks.no-host")));
        }
        if (!webhook.sendResolved()) {
            problems.add(msg("bonus.webhooks.not-resolved"));
        }
        return problems;
    }
}
