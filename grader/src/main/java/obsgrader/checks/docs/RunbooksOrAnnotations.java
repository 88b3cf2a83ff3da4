package obsgrader.checks.docs;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.checks.dashboard.Dashboards;
import obsgrader.i18n.Message;
import obsgrader.submission.Rule;
import obsgrader.submission.Submission;

/**
 * The on-call finds what to do: runbook_url annotations on the alerts (on at least half of them: a link is a
 * habit, not a one-off), a runbook document or chapter, or dashboard annotations marking events. The rubric's
 * line asks for one of the three ("or"): any one earns the points.
 */
@RubricCheck(id = "docs.runbooks")
public final class RunbooksOrAnnotations implements Check {
    @Override
    public Verdict judge(GradingContext context) {
        Submission submission = context.submission();
        List<Rule> alerts = Rule.alerts(submission);
        List<Rule> linked = alerts.stream().filter(a -> !a.annotations().getOrDefault("runbook_url", "").isBlank()).toList();
        List<Documents.Passage> runbooks = Runbooks.written(submission);
        List<Message> annotations = new ArrayList<>();
        List<String> where = new ArrayList<>();
        linked.stream().map(a -> a.file().getFileName().toString())
                .distinct().forEach(where::add);
        runbooks.stream().map(p -> p.where(submission)).forEach(where::add);
        for (Dashboards.Dashboard dashboard : Dashboards.of(submission)) {
            for (JsonNode annotation : dashboard.model().path("annotations").path("list")) {
                if (annotation.path("builtIn").asInt() != 1) {
                    annotations.add(msg("docs.runbooks.annotation", annotation.path("name").asText(), dashboard.name()));
                    where.add(dashboard.name() + " annotations.list");
                }
            }
        }
        boolean links = !alerts.isEmpty() && linked.size() * 2 >= alerts.size();
        int sources = (links ? 1 : 0) + (runbooks.isEmpty() ? 0 : 1) + (annotations.isEmpty() ? 0 : 1);
        Message found = msg("docs.runbooks.found", msg("docs.runbooks.linked", linked.size(), alerts.size()),
                runbooks.isEmpty() ? msg("docs.runbooks.no-document") : msg("docs.runbooks.documents", Documents.where(submission, runbooks)),
                annotations.isEmpty() ? msg("docs.runbooks.no-annotation") : msg("docs.runbooks.annotations", annotations));
        return Verdict.fromFiles(sources >= 1 ? 1 : 0)
                .expected(msg("docs.runbooks.expected"))
                .found(found)
                .at(where.isEmpty() ? msg("docs.runbooks.where") : Message.verbatim(where.stream().distinct().toList()))
                .hint(sources >= 1 ? Message.NONE : msg("docs.runbooks.hint"))
                .measured(found);
    }
}
