package obsgrader.checks.alerts;

import static obsgrader.i18n.Message.msg;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.i18n.Message;
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
    private static final Pattern ABSENT = Pattern.compile("\\babsent(_over_time)?\\s*\\(");

    @Override
    public Verdict judge(GradingContext context) throws Exception {
        if (context.submission().ruleFiles().isEmpty()) {
            return Verdict.fromFiles(0).expected(msg("alerts.coverage.expected-files"))
                    .found(msg("alerts.none")).at(msg("alerts.rule-files-entry"));
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
        // an absent() alert watches an exporter's own series, which the synthetic series cannot hold: it covers
        // nothing when it fires on them, but whether it would fire on the stack is not known from the files
        List<Rule> alertRules = Rule.alerts(context.submission());
        Set<String> falsePositives = new LinkedHashSet<>(firingWhenHealthy);
        alertRules.stream().filter(a -> ABSENT.matcher(a.expr()).find()).map(Rule::alert).forEach(falsePositives::remove);
        double share = caught / outcomes.size() - (falsePositives.isEmpty() ? 0 : FALSE_POSITIVE_PENALTY);
        SubmissionTerms terms = SubmissionTerms.of(context.submission());
        List<Message> found = new ArrayList<>();
        if (!missed.isEmpty()) {
            found.add(msg("alerts.coverage.nothing-fires", missed.stream()
                    .map(o -> msg("alerts.coverage.incident", o.scenario().meaning(), o.scenario().labAlert())).toList()));
        }
        for (AlertScenarios.Outcome outcome : outcomes) {
            for (Rule silent : outcome.silent()) {
                found.add(msg("alerts.coverage.never-fires", silent.alert(), silent.where(), outcome.scenario().meaning(),
                        outcome.playedWith(terms)));
            }
        }
        if (!falsePositives.isEmpty()) {
            found.add(msg("alerts.coverage.fire-when-healthy", List.copyOf(falsePositives)));
        }
        List<String> absentOnly = firingWhenHealthy.stream().filter(n -> !falsePositives.contains(n)).toList();
        if (!absentOnly.isEmpty()) {
            found.add(msg("alerts.coverage.absent-when-healthy", absentOnly));
        }
        if (!found.isEmpty() && missed.size() < outcomes.size()) {
            found.add(msg("alerts.coverage.caught", caughtBy(outcomes.stream().filter(AlertScenarios.Outcome::passed).toList())));
        }
        Verdict verdict = Verdict.fromFiles(share)
                .expected(msg("alerts.coverage.expected", outcomes.size()))
                .found(found.isEmpty() ? msg("alerts.coverage.all", caughtBy(outcomes)) : Message.clauses(found))
                .measured(msg("alerts.coverage.measured", caughtBy(outcomes.stream().filter(AlertScenarios.Outcome::passed).toList()),
                        falsePositives.isEmpty() ? msg("alerts.yes") : msg("alerts.no")))
                .at(msg("alerts.coverage.where", context.submission().ruleFiles().stream()
                        .map(p -> p.getFileName().toString()).toList()))
                .hint(found.isEmpty() ? Message.NONE : msg("alerts.coverage.hint"));
        for (AlertScenarios.Outcome outcome : outcomes) {
            verdict = verdict.attach("promtool: " + outcome.scenario().id(), outcome.output());
        }
        return verdict.attach("promtool: healthy", healthy.output());
    }

    /** Which of the student's alerts fired in which incident, for the evidence of a pass. */
    private static Message caughtBy(List<AlertScenarios.Outcome> outcomes) {
        return Message.clauses(outcomes.stream().map(o -> msg("alerts.coverage.caught-by", o.scenario().labAlert(),
                o.fired().isEmpty() ? msg("alerts.coverage.another-alert") : o.fired().stream().map(Rule::alert).distinct().toList()))
                .toList());
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
