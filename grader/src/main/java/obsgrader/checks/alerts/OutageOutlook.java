package obsgrader.checks.alerts;

import java.util.List;
import java.util.regex.Pattern;
import obsgrader.checks.GradingContext;
import obsgrader.submission.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the files tell of the outage drill before it runs, so that it waits only for what can happen.
 * <p>{@code cannotFire}: no alert of the submission can fire when the api stops, proven from the files: there is no
 * alerting rule, or none reads the target's own state ({@code up}, {@code probe_success}, {@code absent}: the
 * series a stopped target changes, including transitions the synthetic series cannot play) and promtool, fed the
 * instance-down incident in the submission's names, fires nothing at all (not even an alert that fires on healthy
 * series). Anything unknown (promtool unavailable, rules promtool cannot load) is "may fire": the drill waits as it
 * always did.
 * <p>{@code alertmanagerUnreachable}: the mounted prometheus.yml names no Alertmanager, so a firing alert can never
 * reach one.
 */
record OutageOutlook(boolean cannotFire, boolean alertmanagerUnreachable) {
    private static final Logger LOG = LoggerFactory.getLogger(OutageOutlook.class);
    private static final Pattern READS_THE_TARGET = Pattern.compile("\\b(up|probe_success|absent|absent_over_time)\\b");
    private static final String INSTANCE_DOWN = "instance-down";

    /**
     * Worked out once a run, when the drill begins: not on the files thread, where its promtool runs would meet the
     * load phase, whose timings are graded.
     */
    static OutageOutlook of(GradingContext context) {
        return context.once(OutageOutlook.class, () -> new OutageOutlook(cannotFire(context), alertmanagerUnreachable(context)));
    }

    static boolean cannotFire(GradingContext context) {
        if (context.submission().ruleFiles().isEmpty()) {
            // prometheus.yml's rule_files match nothing Prometheus can read: it has no alert to fire
            return true;
        }
        try {
            // the files first, promtool only when they leave the question open: a stack with an outage alert (most
            // of them) costs no promtool run beside the load phase
            List<Rule> alerts = Rule.alerts(context.submission());
            if (alerts.stream().anyMatch(alert -> READS_THE_TARGET.matcher(alert.expr()).find())
                    || AlertScenarios.whenRulesDoNotLoad(context).isPresent()) {
                return false;
            }
            return alerts.isEmpty() || !AlertScenarios.fires(context, AlertScenarios.scenarios().stream()
                    .filter(s -> s.id().equals(INSTANCE_DOWN)).findFirst().orElseThrow()).passed();
        } catch (RuntimeException e) {
            // promtool's verdict unavailable (no tool, no image): the drill waits as if anything could fire
            LOG.debug("whether an alert can fire when the api stops is unknown; the outage drill waits its deadline", e);
            return false;
        }
    }

    /** Whether the prometheus.yml Prometheus reads has no Alertmanager to send to (no {@code alerting.alertmanagers}). */
    static boolean alertmanagerUnreachable(GradingContext context) {
        return context.submission().mountedPrometheusConfig()
                .map(config -> context.submission().parse(config))
                .filter(parsed -> parsed.ok())
                .map(parsed -> parsed.tree().path("alerting").path("alertmanagers").isEmpty())
                .orElse(false);
    }
}
