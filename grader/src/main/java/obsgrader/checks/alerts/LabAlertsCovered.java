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
 * healthy series, they fire nothing, nor on the lab's own healthy traffic (its API fails about 5 % of orders by
 * design), and on a booted stack nothing else goes pending or firing under the load phase's healthy traffic either
 * (a false positive, in any, costs an incident's worth). Judged in rubric order, after the load phase and before any
 * drill, so that it sees the stack's own healthy traffic.
 */
@RubricCheck(id = "alerts.coverage", title = "The rules catch the 8 lab incidents (promtool unit tests by meaning), and stay quiet when healthy", live = true)
public final class LabAlertsCovered implements Check {
    /** On top of covering nothing, an alert that fires when all is well pages for nothing: one incident's worth more. */
    private static final double FALSE_POSITIVE_PENALTY = 1.0 / 8;
    private static final double SILENT_RULE_SHARE = 0.5;
    private static final Pattern ALERTNAME = Pattern.compile("alertname=\"([^\"]+)\"");
    private static final Pattern ABSENT = Pattern.compile("\\babsent(_over_time)?\\s*\\(");

    /** What promtool says of the files: the rules' load, the healthy series, the lab's traffic, each incident; the terms played. */
    private record FromFiles(Optional<Verdict> unloadable, AlertScenarios.Outcome healthy, AlertScenarios.Outcome labTraffic,
                             List<AlertScenarios.Outcome> outcomes, SubmissionTerms terms) {
    }

    /** promtool's part runs on the files thread while the stack boots, so that this line costs the live run little. */
    @Override
    public void prepare(GradingContext context) {
        if (!context.submission().ruleFiles().isEmpty()) {
            context.once(FromFiles.class, () -> fromFiles(context));
        }
    }

    private static FromFiles fromFiles(GradingContext context) {
        try {
            Optional<Verdict> unloadable = AlertScenarios.whenRulesDoNotLoad(context);
            if (unloadable.isPresent()) {
                return new FromFiles(unloadable, null, null, List.of(), null);
            }
            AlertScenarios.Outcome healthy = AlertScenarios.quietWhenHealthy(context);
            Set<String> firingWhenHealthy = healthy.passed() ? Set.of() : new LinkedHashSet<>(firingNameList(healthy.output()));
            List<AlertScenarios.Outcome> outcomes = new ArrayList<>();
            for (AlertScenarios.Scenario scenario : AlertScenarios.scenarios()) {
                if (scenario.alerts() == null) {
                    outcomes.add(AlertScenarios.fires(context, scenario, firingWhenHealthy));
                }
            }
            return new FromFiles(Optional.empty(), healthy, AlertScenarios.quietUnderLabTraffic(context), outcomes,
                    SubmissionTerms.of(context));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Verdict judge(GradingContext context) throws Exception {
        if (context.submission().ruleFiles().isEmpty()) {
            return Verdict.fromFiles(0).expected(msg("alerts.coverage.expected-files"))
                    .found(msg("alerts.none")).at(msg("alerts.rule-files-entry"));
        }
        FromFiles files = context.once(FromFiles.class, () -> fromFiles(context));
        if (files.unloadable().isPresent()) {
            return files.unloadable().get();
        }
        AlertScenarios.Outcome healthy = files.healthy();
        Optional<List<String>> underLoad = HealthyTrafficAlerts.seen(context);
        Set<String> firingWhenHealthy = healthy.passed() ? Set.of() : new LinkedHashSet<>(firingNameList(healthy.output()));
        List<AlertScenarios.Outcome> outcomes = files.outcomes();
        List<AlertScenarios.Outcome> missed = outcomes.stream().filter(o -> !o.passed()).toList();
        List<AlertScenarios.Outcome> withSilentRules = outcomes.stream().filter(o -> o.passed() && !o.silent().isEmpty()).toList();
        // an incident caught, but by another rule than the student's own version of its alert, which never fires: half
        double caught = outcomes.size() - missed.size() - SILENT_RULE_SHARE * withSilentRules.size();
        // an absent() alert watches an exporter's own series, which the synthetic series cannot hold: it covers
        // nothing when it fires on them, but whether it would fire on the stack is not known from the files
        List<Rule> alertRules = Rule.alerts(context.submission());
        Set<String> falsePositives = new LinkedHashSet<>(firingWhenHealthy);
        alertRules.stream().filter(a -> ABSENT.matcher(a.expr()).find()).map(Rule::alert).forEach(falsePositives::remove);
        // counted once: what fires on the healthy series fires on the lab's traffic too; SLO alerts answer to the SLO lines
        Set<String> firingUnderLabTraffic = new LinkedHashSet<>(files.labTraffic().passed() ? List.of() : firingNameList(files.labTraffic().output()));
        firingUnderLabTraffic.removeAll(firingWhenHealthy);
        firingUnderLabTraffic.removeAll(HealthyTrafficAlerts.sloAlerts(context));
        boolean quiet = falsePositives.isEmpty() && firingUnderLabTraffic.isEmpty() && underLoad.map(List::isEmpty).orElse(true);
        double share = caught / outcomes.size() - (quiet ? 0 : FALSE_POSITIVE_PENALTY);
        SubmissionTerms terms = files.terms();
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
        if (!firingUnderLabTraffic.isEmpty()) {
            found.add(msg("alerts.coverage.fire-on-lab-traffic", List.copyOf(firingUnderLabTraffic)));
        }
        List<String> absentOnly = firingWhenHealthy.stream().filter(n -> !falsePositives.contains(n)).toList();
        if (!absentOnly.isEmpty()) {
            found.add(msg("alerts.coverage.absent-when-healthy", absentOnly));
        }
        underLoad.filter(names -> !names.isEmpty()).ifPresent(names -> found.add(msg("alerts.coverage.fire-under-load", names)));
        if (!found.isEmpty() && missed.size() < outcomes.size()) {
            found.add(msg("alerts.coverage.caught", caughtBy(outcomes.stream().filter(AlertScenarios.Outcome::passed).toList())));
        }
        Verdict verdict = (underLoad.isPresent() ? Verdict.live(share) : Verdict.fromFiles(share))
                .expected(msg("alerts.coverage.expected", outcomes.size()))
                .found(found.isEmpty() ? msg("alerts.coverage.all", caughtBy(outcomes)) : Message.clauses(found))
                .measured(msg("alerts.coverage.measured", caughtBy(outcomes.stream().filter(AlertScenarios.Outcome::passed).toList()),
                        quiet ? msg("alerts.yes") : msg("alerts.no")))
                .at(msg("alerts.coverage.where", context.submission().ruleFiles().stream()
                        .map(p -> p.getFileName().toString()).toList()))
                .hint(found.isEmpty() ? Message.NONE : msg("alerts.coverage.hint"));
        for (AlertScenarios.Outcome outcome : outcomes) {
            verdict = verdict.attach("promtool: " + outcome.scenario().id(), outcome.output());
        }
        return verdict.attach("promtool: healthy", healthy.output())
                .attach("promtool: lab-traffic", files.labTraffic().output());
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
