package obsgrader.checks.docs;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.checks.dashboard.Dashboards;
import obsgrader.i18n.Message;
import obsgrader.submission.Rule;
import obsgrader.submission.Submission;

/**
 * The on-call finds what to do when an alert fires (the marking guide, docs.runbooks). An alert has its runbook
 * when an annotation holds it (a {@code runbook_url}, or {@code runbook:}/{@code action:} steps) or a runbook,
 * incident or troubleshooting chapter names it. Full points when half the alerts have one (a runbook is a habit,
 * not a one-off), in proportion below. A runbook or incident chapter that names no alert is a third: procedures
 * nothing leads to. A troubleshooting chapter that names no alert is help with the stack, not a runbook. Dashboard
 * annotations marking events meet the line on their own: the rubric's line reads "runbooks or annotations".
 */
@RubricCheck(id = "docs.runbooks")
public final class RunbooksOrAnnotations implements Check {
    private static final double UNLINKED_RUNBOOK = 1.0 / 3;

    @Override
    public Verdict judge(GradingContext context) {
        Submission submission = context.submission();
        List<Rule> alerts = Rule.alerts(submission);
        List<Documents.Passage> runbooks = Runbooks.written(submission);
        List<Documents.Passage> troubleshooting = Runbooks.troubleshooting(submission);
        List<Documents.Passage> passages = Stream.concat(runbooks.stream(), troubleshooting.stream()).toList();
        List<Rule> annotated = alerts.stream().filter(a -> Runbooks.annotation(a).isPresent()).toList();
        List<Rule> covered = alerts.stream()
                .filter(a -> annotated.contains(a) || passages.stream().anyMatch(p -> Runbooks.names(p, a))).toList();
        List<Message> annotations = new ArrayList<>();
        List<String> where = new ArrayList<>();
        annotated.stream().map(a -> a.file().getFileName().toString()).distinct().forEach(where::add);
        passages.stream().filter(p -> runbooks.contains(p) || alerts.stream().anyMatch(a -> Runbooks.names(p, a)))
                .map(p -> p.where(submission)).forEach(where::add);
        for (Dashboards.Dashboard dashboard : Dashboards.of(submission)) {
            for (JsonNode annotation : dashboard.model().path("annotations").path("list")) {
                if (annotation.path("builtIn").asInt() != 1) {
                    annotations.add(msg("docs.runbooks.annotation", annotation.path("name").asText(), dashboard.name()));
                    where.add(dashboard.name() + " annotations.list");
                }
            }
        }
        double byAlerts = alerts.isEmpty() ? 0 : Math.min(1, 2.0 * covered.size() / alerts.size());
        double fraction = !annotations.isEmpty() ? 1 : Math.max(byAlerts, runbooks.isEmpty() ? 0 : UNLINKED_RUNBOOK);
        Message found = msg("docs.runbooks.found", msg("docs.runbooks.linked", covered.size(), alerts.size(), annotated.size()),
                runbooks.isEmpty() ? msg("docs.runbooks.no-document") : msg("docs.runbooks.documents", Documents.where(submission, runbooks)),
                annotations.isEmpty() ? msg("docs.runbooks.no-annotation") : msg("docs.runbooks.annotations", annotations));
        return Verdict.fromFiles(fraction)
                .expected(msg("docs.runbooks.expected"))
                .found(troubleshooting.isEmpty() || fraction >= 1 ? found : msg("docs.runbooks.found-troubleshooting", found,
                        Documents.where(submission, troubleshooting)))
                .at(where.isEmpty() ? msg("docs.runbooks.where") : Message.verbatim(where.stream().distinct().toList()))
                .hint(fraction >= 1 ? Message.NONE : msg("docs.runbooks.hint"))
                .measured(found);
    }
}
