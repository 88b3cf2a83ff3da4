package obsgrader.checks.slo;

import static obsgrader.i18n.Message.msg;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.checks.alerts.AlertScenarios;
import obsgrader.i18n.Message;
import obsgrader.submission.Rule;

/** An error budget burning at 8x (4 % errors) fires an SLO alert in a promtool unit test of the student's rules. */
@RubricCheck(id = "slo.alerts-fire", title = "An SLO alert fires when the error budget burns (promtool unit test)")
public final class SloAlertsFire implements Check {
    private static final String BURN = "budget-burn";

    @Override
    public Verdict judge(GradingContext context) {
        AlertScenarios.Scenario burn = AlertScenarios.scenarios().stream().filter(s -> s.id().equals(BURN)).findFirst()
                .orElseThrow();
        if (context.submission().ruleFiles().isEmpty()) {
            return Verdict.fromFiles(0).expected(msg("slo.alerts-fire.expected-files")).found(msg("slo.alerts-fire.no-file"))
                    .at(msg("alerts.rule-files-entry"));
        }
        Optional<Verdict> unloadable = AlertScenarios.whenRulesDoNotLoad(context);
        if (unloadable.isPresent()) {
            return unloadable.get();
        }
        List<Rule> sloAlerts = SloAlertsAndBudget.availabilityAlerts(Rule.all(context.submission()));
        if (sloAlerts.isEmpty()) {
            return Verdict.fromFiles(0).expected(msg("slo.alerts-fire.expected-alert", burn.meaning()))
                    .found(msg("slo.alerts-fire.no-alert"))
                    .at(msg("alerts.rule-files"))
                    .hint(msg("slo.alerts-fire.hint-alert"));
        }
        // the same alerts slo.alerts-budget names: one verdict per fact
        String names = sloAlerts.stream().map(Rule::alert).collect(Collectors.joining("|"));
        AlertScenarios.Scenario theirs = new AlertScenarios.Scenario(burn.id(), burn.labAlert(), names, null, null, burn.series());
        AlertScenarios.Outcome outcome = AlertScenarios.fires(context, theirs);
        List<Message> listed = sloAlerts.stream().map(a -> msg("slo.alerts-fire.alert", a.alert(), a.where())).distinct().toList();
        return Verdict.fromFiles(outcome.passed() ? 1 : 0)
                .expected(msg("slo.alerts-fire.expected", listed, burn.meaning()))
                .found(outcome.passed() ? msg("slo.alerts-fire.fires") : msg("slo.alerts-fire.silent"))
                .at(msg("slo.alerts-fire.where"))
                .hint(outcome.passed() ? Message.NONE : msg("slo.alerts-fire.hint"))
                .measured(msg("slo.alerts-fire.measured", listed))
                .attach("promtool: " + BURN, outcome.output());
    }
}
