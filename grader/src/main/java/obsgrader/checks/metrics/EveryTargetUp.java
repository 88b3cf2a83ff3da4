package obsgrader.checks.metrics;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import obsgrader.checks.Check;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.clients.PrometheusApi;
import obsgrader.clients.PrometheusApi.Target;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Every scrape target is UP; partial credit per target, with Prometheus' own lastError quoted. */
public final class EveryTargetUp implements Check {
    @Override
    public String id() {
        return "metrics.targets-up";
    }

    @Override
    public String title() {
        return "Every Prometheus target is UP";
    }

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public Verdict judge(GradingContext context) {
        PrometheusApi prometheus = context.prometheus();
        // A target is UP after its first successful scrape: allow a few scrape intervals after boot.
        Duration deadline = context.scrapeInterval().multipliedBy(4).plusSeconds(30);
        try {
            Awaitility.await().atMost(deadline).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                    .until(() -> allUp(prometheus.activeTargets()));
        } catch (ConditionTimeoutException e) {
            // judged below on the last state
        }
        List<Target> targets = prometheus.activeTargets();
        List<Target> down = targets.stream().filter(t -> !t.up()).toList();
        return Verdict.live(targets.isEmpty() ? 0 : Verdict.share(targets.size() - down.size(), targets.size()))
                .expected("every active target UP")
                .found(targets.isEmpty() ? "no active target"
                        : down.isEmpty() ? targets.size() + " targets UP in jobs " + jobs(targets)
                        : down.size() + " of " + targets.size() + " DOWN: " + down.stream()
                        .map(t -> t.job() + " " + t.instance() + " (" + t.lastError() + ")")
                        .collect(Collectors.joining(", ")))
                .at("GET /api/v1/targets")
                .hint(down.isEmpty() ? "" : "A DOWN target names the host:port Prometheus cannot scrape: use the "
                        + "compose service name and the container port, and check that service's log.")
                .attach("targets", prometheus.raw("/api/v1/targets"));
    }

    private static boolean allUp(List<Target> targets) {
        return !targets.isEmpty() && targets.stream().allMatch(Target::up);
    }

    private static String jobs(List<Target> targets) {
        return targets.stream().map(Target::job).distinct().sorted().collect(Collectors.joining(", "));
    }
}
