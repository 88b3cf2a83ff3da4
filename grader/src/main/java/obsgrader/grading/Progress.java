package obsgrader.grading;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import obsgrader.i18n.Messages;
import obsgrader.report.ScoreCard.CheckScore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a person watching a grading sees while it runs, beside the drills' own lines: a line as each phase starts
 * (the files' checks, the live checks with the boot and the load, the fault drills) and as each rubric line ends,
 * with its points, the lines done and left and an estimate of the time left. The estimate adds up what is left
 * at the pace the reference's phases were measured at (README's "How long it takes"): the boot and the load
 * phase while they are ahead, each drill as long as it took there, a few seconds for any other live check; the
 * files' checks run alongside and cost nothing.
 */
final class Progress {
    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
    private static final Duration BOOT_AND_LOAD = Duration.ofSeconds(85);
    private static final Duration LIVE_CHECK = Duration.ofSeconds(3);
    private static final Duration OTHER_DRILL = Duration.ofSeconds(20);
    /** The drills as long as they took on the reference; PostgreSQL and notifications run inside the outage. */
    private static final Map<String, Duration> DRILLS = Map.of("alerts.fire-on-outage", Duration.ofSeconds(95),
            "alerts.burst-pending", Duration.ofSeconds(55), "alerts.postgres-overload", Duration.ZERO,
            "alerts.notifications", Duration.ZERO);

    private final List<Grading.Step> steps;
    private final Messages messages;
    private final boolean live;
    private final Instant started = Instant.now();
    private final Set<Grading.Step> done = new HashSet<>();
    private final Set<String> phases = new HashSet<>();

    Progress(List<Grading.Step> steps, Messages messages, Mode mode) {
        this.steps = steps;
        this.messages = messages;
        this.live = mode == Mode.FULL;
    }

    /** Before a step runs: the line of the phase it opens, once. */
    synchronized void starting(Grading.Step step) {
        String phase = step.check().drill() ? "drills" : step.check().live() ? "live" : "files";
        if (phases.add(phase)) {
            LOG.info(messages.get("grader.progress.phase." + (live ? phase : "static-" + phase)));
        }
    }

    /** After a step is scored: its points, the lines done and left, the time so far and an estimate of what is left. */
    synchronized void done(Grading.Step step, CheckScore score) {
        if (!done.add(step)) {
            return;
        }
        // a static self-check has no phase worth estimating: its lines are done within a minute
        LOG.info(messages.get(live ? "grader.progress.line" : "grader.progress.line-static", done.size(), steps.size(),
                messages.title(step.check().id(), step.check().title()), messages.number(score.points()),
                messages.number(score.max()), steps.size() - done.size(), Duration.between(started, Instant.now()), left()));
    }

    private Duration left() {
        List<Grading.Step> remaining = steps.stream().filter(step -> !done.contains(step)).toList();
        boolean bootAhead = steps.stream().noneMatch(step -> done.contains(step) && step.check().live());
        Duration left = bootAhead && remaining.stream().anyMatch(step -> step.check().live()) ? BOOT_AND_LOAD : Duration.ZERO;
        for (Grading.Step step : remaining) {
            left = left.plus(step.check().drill() ? DRILLS.getOrDefault(step.check().id(), OTHER_DRILL)
                    : step.check().live() ? LIVE_CHECK : Duration.ZERO);
        }
        return left;
    }
}
