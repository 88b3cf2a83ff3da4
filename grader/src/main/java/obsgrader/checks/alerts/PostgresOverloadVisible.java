package obsgrader.checks.alerts;

import static obsgrader.i18n.Message.msg;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import obsgrader.checks.Check;
import obsgrader.checks.GradingContext;
import obsgrader.checks.InPhase;
import obsgrader.checks.Need;
import obsgrader.checks.Needs;
import obsgrader.checks.Phase;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.Verdict;
import obsgrader.clients.PrometheusApi;
import obsgrader.i18n.Message;
import obsgrader.stack.LabStack;
import obsgrader.submission.LabRole;

/**
 * The lab's PostgreSQL overload, for real: three sessions sleep in {@code pg_sleep} at once, and the metrics
 * show it. The sessions are cancelled as soon as Prometheus has seen them.
 */
@Needs({Need.STACK, Need.PROMETHEUS})
@InPhase(Phase.OUTAGE)
@RubricCheck(id = "alerts.postgres-overload", title = "PostgreSQL overloaded by three pg_sleep sessions: pg_stat_activity_count{state=\"active\"} reaches 3", live = true, drill = true)
public final class PostgresOverloadVisible implements Check {
    private static final int SESSIONS = 3;
    private static final String ACTIVE = "sum(pg_stat_activity_count{state=\"active\"})";
    private static final Duration MARGIN = Duration.ofSeconds(10);
    /** psql in the postgres container, as the image's superuser on its database (POSTGRES_USER, POSTGRES_DB). */
    private static final String PSQL = "psql -U \"${POSTGRES_USER:-postgres}\" -d \"${POSTGRES_DB:-${POSTGRES_USER:-postgres}}\" -c ";
    private static final String CANCEL_SLEEPS = "\"SELECT pg_cancel_backend(pid) FROM pg_stat_activity "
            + "WHERE query LIKE 'SELECT pg_sleep%' AND pid <> pg_backend_pid()\"";

    @Override
    public Verdict judge(GradingContext context) throws InterruptedException {
        String postgres = context.service(LabRole.POSTGRES);
        LabStack stack = context.stack();
        PrometheusApi prometheus = context.prometheus();
        Duration visibleWithin = visibleWithin(context);
        Duration sleep = visibleWithin.plus(MARGIN);
        long activeBefore = Math.round(prometheus.value(ACTIVE));
        FaultTimeline timeline = FaultTimeline.inject(msg("alerts.postgres-overload.started", SESSIONS, sleep.toSeconds(),
                postgres, activeBefore));
        ExecutorService sessions = Executors.newFixedThreadPool(SESSIONS);
        Optional<Double> seen;
        try {
            for (int i = 0; i < SESSIONS; i++) {
                sessions.submit(() -> stack.exec(postgres, sleep.plus(MARGIN), "sh", "-c", PSQL + "'SELECT pg_sleep(" + sleep.toSeconds() + ")'"));
            }
            seen = timeline.await(ACTIVE + " >= " + SESSIONS, visibleWithin,
                    () -> Optional.of(prometheus.value(ACTIVE)).filter(active -> active >= SESSIONS));
            timeline.record(seen.map(active -> msg("alerts.postgres-overload.seen", Math.round(active)))
                    .orElse(msg("alerts.postgres-overload.never-seen", SESSIONS)));
        } finally {
            stack.exec(postgres, MARGIN, "sh", "-c", PSQL + CANCEL_SLEEPS);
            sessions.shutdown();
            sessions.awaitTermination(MARGIN.toSeconds(), TimeUnit.SECONDS);
            timeline.record(msg("alerts.postgres-overload.cancelled"));
        }
        // sessions never seen cannot be seen to drop: one look
        timeline.await("the active sessions to drop", seen.isPresent() ? visibleWithin : Duration.ZERO,
                        () -> Optional.of(prometheus.value(ACTIVE)).filter(active -> active < SESSIONS))
                .ifPresent(active -> timeline.record(msg("alerts.postgres-overload.back-to", Math.round(active))));
        return Verdict.live(seen.isPresent() ? 1 : 0)
                .expected(msg("alerts.postgres-overload.expected", ACTIVE, SESSIONS, visibleWithin, MARGIN))
                .found(timeline.summary())
                .measured(timeline.summary())
                .at(msg("alerts.postgres-overload.where", ACTIVE))
                .hint(seen.isPresent() ? Message.NONE : msg("alerts.postgres-overload.hint"))
                .attach("timeline", timeline.saveAs(context, "alerts.postgres-overload"));
    }

    /** The exporter's next scrape shows the sessions; one more scrape interval covers a slow scrape. */
    static Duration visibleWithin(GradingContext context) {
        return context.scrapeInterval().multipliedBy(2).plus(MARGIN);
    }
}
