package obsgrader.checks.metrics;

import static obsgrader.i18n.Message.msg;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import obsgrader.checks.Check;
import obsgrader.checks.Need;
import obsgrader.checks.Needs;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Patience;
import obsgrader.checks.Verdict;
import obsgrader.clients.PrometheusApi;
import obsgrader.clients.PrometheusApi.Target;
import obsgrader.i18n.Message;

/** Every scrape target is UP; partial credit per target, with Prometheus' own lastError quoted. */
@Needs(Need.PROMETHEUS)
@RubricCheck(id = "metrics.targets-up", title = "Every Prometheus target is UP", live = true)
public final class EveryTargetUp implements Check {
    @Override
    public Verdict judge(GradingContext context) {
        PrometheusApi prometheus = context.prometheus();
        // A target is UP after its first successful scrape: allow a few scrape intervals after boot.
        Duration deadline = context.scrapeInterval().multipliedBy(4).plusSeconds(30);
        Set<String> leftOut = context.stack().leftOut();
        Patience.waitUpTo(deadline, () -> allUp(gradable(prometheus.activeTargets(), leftOut, context)));
        // a target on a service the grader left out of the boot is down by the grader's doing, not the student's
        List<Target> targets = gradable(prometheus.activeTargets(), leftOut, context);
        List<Target> down = targets.stream().filter(t -> !t.up()).toList();
        return Verdict.live(targets.isEmpty() ? 0 : Verdict.share(targets.size() - down.size(), targets.size()))
                .expected(msg("metrics.targets-up.expected"))
                .found(targets.isEmpty() ? msg("metrics.targets-up.none")
                        : down.isEmpty() ? msg("metrics.targets-up.all", targets.size(), jobs(targets))
                        : msg("metrics.targets-up.down", down.size(), targets.size(), down.stream()
                        .map(t -> msg("metrics.targets-up.down-target", t.job(), t.instance(), t.lastError())).toList()))
                .at(Message.verbatim("GET /api/v1/targets"))
                .hint(down.isEmpty() ? Message.NONE : msg("metrics.targets-up.hint"))
                .measured(msg("metrics.targets-up.measured", targets.size(), jobs(targets)))
                .attach("targets", prometheus.raw("/api/v1/targets"));
    }

    private static List<Target> gradable(List<Target> targets, Set<String> leftOut, GradingContext context) {
        return targets.stream().filter(t -> context.submission().compose()
                .flatMap(c -> c.serviceAt(t.instance().replaceFirst("^\\w+://", "").replaceFirst("[:/].*$", "")))
                .filter(leftOut::contains).isEmpty()).toList();
    }

    private static boolean allUp(List<Target> targets) {
        return !targets.isEmpty() && targets.stream().allMatch(Target::up);
    }

    private static String jobs(List<Target> targets) {
        return targets.stream().map(Target::job).distinct().sorted().collect(Collectors.joining(", "));
    }
}
