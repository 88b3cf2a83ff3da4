package obsgrader.checks.docs;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.checks.dashboard.Dashboards;
import obsgrader.submission.Rule;
import obsgrader.submission.Submission;

/**
 * The on-call finds what to do: runbook_url annotations on the alerts (on at least half of them: a link is a
 * habit, not a one-off), a runbook document or chapter, or dashboard annotations marking events. The rubric's
 * line asks for one of the three ("or"): any one earns the points.
 */
@RubricCheck(id = "docs.runbooks", title = "Alerts link to runbooks, a runbook is written, or the dashboard shows annotations")
public final class RunbooksOrAnnotations implements Check {
    @Override
    public Verdict judge(GradingContext context) {
        Submission submission = context.submission();
        List<Rule> alerts = Rule.alerts(submission);
        List<Rule> linked = alerts.stream().filter(a -> !a.annotations().getOrDefault("runbook_url", "").isBlank()).toList();
        List<Documents.Passage> runbooks = Runbooks.written(submission);
        List<String> annotations = new ArrayList<>();
        List<String> where = new ArrayList<>();
        linked.stream().map(a -> a.file().getFileName().toString())
                .distinct().forEach(where::add);
        runbooks.stream().map(p -> p.where(submission)).forEach(where::add);
        for (Dashboards.Dashboard dashboard : Dashboards.of(submission)) {
            for (JsonNode annotation : dashboard.model().path("annotations").path("list")) {
                if (annotation.path("builtIn").asInt() != 1) {
                    annotations.add("\"" + annotation.path("name").asText() + "\" in " + dashboard.name());
                    where.add(dashboard.name() + " annotations.list");
                }
            }
        }
        boolean links = !alerts.isEmpty() && linked.size() * 2 >= alerts.size();
        int sources = (links ? 1 : 0) + (runbooks.isEmpty() ? 0 : 1) + (annotations.isEmpty() ? 0 : 1);
        List<String> found = List.of(
                "runbook_url on " + linked.size() + " of " + alerts.size() + " alerts",
                runbooks.isEmpty() ? "no runbook document or chapter" : "runbooks in " + Documents.where(submission, runbooks),
                annotations.isEmpty() ? "no dashboard annotation besides Grafana's built-in one"
                        : "dashboard annotations " + String.join(", ", annotations));
        return Verdict.fromFiles(sources >= 1 ? 1 : 0)
                .expected("one of: runbook_url on the alerts, a runbook document (RUNBOOK.md, runbooks/, or a runbook chapter), dashboard annotations")
                .found(String.join("; ", found))
                .at(where.isEmpty() ? "rule files, dashboards" : where.stream().distinct().collect(Collectors.joining(", ")))
                .hint(sources >= 1 ? "" : "Add annotations.runbook_url to each alert pointing at a section of RUNBOOK.md "
                        + "(what to check, how to fix), and/or an annotation query on the dashboard "
                        + "(Dashboard settings > Annotations, e.g. ALERTS{alertstate=\"firing\"}).");
    }
}
