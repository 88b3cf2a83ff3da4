package obsgrader.checks.alerts;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.submission.Rule;

/**
 * The eight lab alerts, by meaning: fed the failing series, the student's rules fire something; fed
 * healthy series, they fire nothing (a false positive costs a quarter of the points).
 */
@RubricCheck(id = "alerts.coverage", title = "The rules catch the 8 lab incidents (promtool unit tests by meaning), and stay quiet when healthy")
public final class LabAlertsCovered implements Check {
    /** On top of covering nothing, an alert that fires when all is well pages for nothing: one incident's worth more. */
    private static final double FALSE_POSITIVE_PENALTY = 1.0 / 8;
    private static final double SILENT_RULE_SHARE = 0.5;
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
        AlertScenarios.Outcome healthy = AlertScenarios.quietWhenHealthy(context);
        Set<String> firingWhenHealthy = healthy.passed() ? Set.of() : new LinkedHashSet<>(firingNameList(healthy.output()));
        List<AlertScenarios.Outcome> outcomes = new ArrayList<>();
        for (AlertScenarios.Scenario scenario : AlertScenarios.scenarios()) {
            if (scenario.alerts() == null) {
                outcomes.add(AlertScenarios.fires(context, scenario, firingWhenHealthy));
            }
        }
        List<AlertScenarios.Outcome> missed = outcomes.stream().filter(o -> !o.passed()).toList();
        List<AlertScenarios.Outcome> withSilentRules = outcomes.stream().filter(o -> o.passed() && !o.silent().isEmpty()).toList();
        // an incident caught, but by another rule than the student's own version of its alert, which never fires: half
        double caught = outcomes.size() - missed.size() - SILENT_RULE_SHARE * withSilentRules.size();
        double share = caught / outcomes.size() - (healthy.passed() ? 0 : FALSE_POSITIVE_PENALTY);
        SubmissionTerms terms = SubmissionTerms.of(context.submission());
        List<String> found = new ArrayList<>();
        if (!missed.isEmpty()) {
            found.add("nothing fires for " + missed.stream()
                    .map(o -> o.scenario().meaning() + " (" + o.scenario().labAlert() + ")")
                    .collect(Collectors.joining(", ")));
        }
        for (AlertScenarios.Outcome outcome : outcomes) {
            for (Rule silent : outcome.silent()) {
                found.add(silent.alert() + " (" + silent.where() + ") never fires when " + outcome.scenario().meaning()
                        + ", given " + outcome.playedWith(terms));
            }
        }
        if (!healthy.passed()) {
            found.add("alerts fire on healthy series, so they cover nothing: " + String.join(", ", firingWhenHealthy));
        }
        if (!found.isEmpty() && missed.size() < outcomes.size()) {
            found.add("caught: " + caughtBy(outcomes.stream().filter(AlertScenarios.Outcome::passed).toList()));
        }
        Verdict verdict = Verdict.fromFiles(share)
                .expected("an alert firing in each of " + outcomes.size() + " incidents within the rules' for + 2 "
                        + "evaluation intervals, none on healthy series")
                .found(found.isEmpty() ? "every incident caught, none on healthy series: " + caughtBy(outcomes) : String.join("; ", found))
                .measured(caughtBy(outcomes.stream().filter(AlertScenarios.Outcome::passed).toList()) + "; quiet on healthy series: "
                        + (healthy.passed() ? "yes" : "no"))
                .at("promtool test rules on " + context.submission().ruleFiles().stream()
                        .map(p -> p.getFileName().toString()).collect(Collectors.joining(", ")))
                .hint(found.isEmpty() ? "" : "Compare each missed incident's alert with the lab's expression; "
                        + "a rule that never fires usually reads a label value the API does not produce or a threshold past "
                        + "the metric's range; a false positive usually comes from an inverted comparison (e.g. up == 1).");
        for (AlertScenarios.Outcome outcome : outcomes) {
            verdict = verdict.attach("promtool: " + outcome.scenario().id(), outcome.output());
        }
        return verdict.attach("promtool: healthy", healthy.output());
    }

    /** Which of the student's alerts fired in which incident, for the evidence of a pass. */
    private static String caughtBy(List<AlertScenarios.Outcome> outcomes) {
        return outcomes.stream().map(o -> o.scenario().labAlert() + " by "
                        + (o.fired().isEmpty() ? "another alert" : o.fired().stream().map(Rule::alert).distinct().collect(Collectors.joining(", "))))
                .collect(Collectors.joining("; "));
    }

    /** The alert names in promtool's "got:" lines. */
    static List<String> firingNameList(String promtoolOutput) {
        List<String> names = new ArrayList<>();
        Matcher matcher = ALERTNAME.matcher(promtoolOutput);
        while (matcher.find()) {
            if (!names.contains(matcher.group(1))) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }
}
