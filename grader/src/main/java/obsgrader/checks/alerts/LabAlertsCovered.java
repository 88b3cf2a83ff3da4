package obsgrader.checks.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;

/**
 * The eight lab alerts, by meaning: fed the failing series, the student's rules fire something; fed
 * healthy series, they fire nothing (a false positive costs a quarter of the points).
 */
@RubricCheck(id = "alerts.coverage", title = "The rules catch the 8 lab incidents (promtool unit tests by meaning), and stay quiet when healthy")
public final class LabAlertsCovered implements Check {
    private static final double FALSE_POSITIVE_PENALTY = 0.25;
    private static final Pattern ALERTNAME = Pattern.compile("alertname=\"([^\"]+)\"");

    @Override
    public Verdict judge(GradingContext context) throws Exception {
        if (context.submission().ruleFiles().isEmpty()) {
            return Verdict.fromFiles(0).expected("rule files loaded by prometheus.yml's rule_files")
                    .found("none").at("prometheus.yml rule_files");
        }
        Optional<Verdict> unloadable = AlertScenarios.whenRulesDoNotLoad(context);
        if (unloadable.isPresent()) {
            return unloadable.get();
        }
        List<AlertScenarios.Outcome> outcomes = new ArrayList<>();
        for (AlertScenarios.Scenario scenario : AlertScenarios.scenarios()) {
            if (scenario.alerts() == null) {
                outcomes.add(AlertScenarios.fires(context, scenario));
            }
        }
        AlertScenarios.Outcome healthy = AlertScenarios.quietWhenHealthy(context);
        List<AlertScenarios.Outcome> missed = outcomes.stream().filter(o -> !o.passed()).toList();
        double share = Verdict.share(outcomes.size() - missed.size(), outcomes.size())
                - (healthy.passed() ? 0 : FALSE_POSITIVE_PENALTY);
        List<String> found = new ArrayList<>();
        if (!missed.isEmpty()) {
            found.add("nothing fires for " + missed.stream()
                    .map(o -> o.scenario().meaning() + " (" + o.scenario().labAlert() + ")")
                    .collect(Collectors.joining(", ")));
        }
        if (!healthy.passed()) {
            found.add("alerts fire on healthy series: " + firingNames(healthy.output()));
        }
        Verdict verdict = Verdict.fromFiles(share)
                .expected("an alert firing in each of " + outcomes.size() + " incidents within the rules' for + 2 "
                        + "evaluation intervals, none on healthy series")
                .found(found.isEmpty() ? "every incident caught, no false positive" : String.join("; ", found))
                .at("promtool test rules on " + context.submission().ruleFiles().stream()
                        .map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")))
                .hint(found.isEmpty() ? "" : "Compare each missed incident's alert with the lab's expression; "
                        + "a false positive usually comes from an inverted comparison (e.g. up == 1).");
        for (AlertScenarios.Outcome outcome : outcomes) {
            verdict = verdict.attach("promtool: " + outcome.scenario().id(), outcome.output());
        }
        return verdict.attach("promtool: healthy", healthy.output());
    }

    /** The alert names in promtool's "got:" lines. */
    static String firingNames(String promtoolOutput) {
        List<String> names = new ArrayList<>();
        Matcher matcher = ALERTNAME.matcher(promtoolOutput);
        while (matcher.find()) {
            if (!names.contains(matcher.group(1))) {
                names.add(matcher.group(1));
            }
        }
        return names.isEmpty() ? "(see promtool's output)" : String.join(", ", names);
    }
}
