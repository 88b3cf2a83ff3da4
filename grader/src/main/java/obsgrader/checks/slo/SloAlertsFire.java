package obsgrader.checks.slo;

import java.util.Optional;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.checks.alerts.AlertScenarios;
import obsgrader.submission.Rule;
import java.util.List;
import java.util.stream.Collectors;

/** An error budget burning at 8x (4 % errors) fires an SLO alert in a promtool unit test of the student's rules. */
@RubricCheck(id = "slo.alerts-fire", title = "An SLO alert fires when the error budget burns (promtool unit test)")
public final class SloAlertsFire implements Check {
    private static final String BURN = "budget-burn";

    @Override
    public Verdict judge(GradingContext context) {
        AlertScenarios.Scenario burn = AlertScenarios.scenarios().stream().filter(s -> s.id().equals(BURN)).findFirst()
                .orElseThrow();
        if (context.submission().ruleFiles().isEmpty()) {
            return Verdict.fromFiles(0).expected("rule files with SLO alerts").found("no rule file").at("prometheus.yml rule_files");
        }
        Optional<Verdict> unloadable = AlertScenarios.whenRulesDoNotLoad(context);
        if (unloadable.isPresent()) {
            return unloadable.get();
        }
        List<Rule> sloAlerts = SloAlertsAndBudget.availabilityAlerts(Rule.all(context.submission()));
        if (sloAlerts.isEmpty()) {
            return Verdict.fromFiles(0).expected("an alert on the availability SLI or its error budget, firing on " + burn.meaning())
                    .found("no alert watches the availability SLI or a burn rate (see slo.alerts-budget)")
                    .at("the rule files")
                    .hint("Alert on the SLI recording rules, e.g. sli:availability:ratio_rate5m < 0.995 for 5m "
                            + "(SLOAvailabilityBreach), or on a burn rate.");
        }
        // the same alerts slo.alerts-budget names: one verdict per fact
        String names = sloAlerts.stream().map(Rule::alert).collect(Collectors.joining("|"));
        AlertScenarios.Scenario theirs = new AlertScenarios.Scenario(burn.id(), burn.labAlert(), burn.meaning(), names,
                null, null, burn.series());
        AlertScenarios.Outcome outcome = AlertScenarios.fires(context, theirs);
        String listed = sloAlerts.stream().map(a -> a.alert() + " (" + a.where() + ")").collect(Collectors.joining(", "));
        return Verdict.fromFiles(outcome.passed() ? 1 : 0)
                .expected("one of the SLO alerts (" + listed + ") firing on " + burn.meaning())
                .found(outcome.passed() ? "it fires" : "none of them fires")
                .at("promtool test rules on the rule files")
                .hint(outcome.passed() ? "" : "Compare the SLO alert's threshold with the budget: 4 % of requests failing "
                        + "burns a 99.5 % budget 8 times too fast; sli:availability:ratio_rate5m < 0.995 catches it.")
                .attach("promtool: " + BURN, outcome.output());
    }
}
