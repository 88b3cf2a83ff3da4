package obsgrader.checks.slo;

import java.util.Optional;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.checks.alerts.AlertScenarios;

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
        AlertScenarios.Outcome outcome = AlertScenarios.fires(context, burn);
        return Verdict.fromFiles(outcome.passed() ? 1 : 0)
                .expected("an alert named for the SLO (matching " + burn.alerts() + ") firing on " + burn.meaning())
                .found(outcome.passed() ? "it fires" : "none fires")
                .at("promtool test rules on the rule files")
                .hint(outcome.passed() ? "" : "Alert on the SLI recording rules, e.g. sli:availability:ratio_rate5m < 0.995 "
                        + "for 5m (SLOAvailabilityBreach), or on a burn rate.")
                .attach("promtool: " + BURN, outcome.output());
    }
}
