package obsgrader.checks.alerts;

import static obsgrader.i18n.Message.msg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import obsgrader.checks.GradingContext;
import obsgrader.i18n.Message;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fault drill's timeline: when the fault was injected, and when each thing it should cause was seen, in
 * seconds since. Waiting on one of them logs a countdown, so that a person watching knows the run is not stuck.
 */
final class FaultTimeline {
    private static final Logger LOG = LoggerFactory.getLogger(FaultTimeline.class);
    private static final Duration POLL = Duration.ofSeconds(3);
    private static final long COUNTDOWN_EVERY_POLLS = 5;

    private final Instant injected = Instant.now();
    private final List<Event> events = new ArrayList<>();

    private record Event(Instant at, long secondsSinceInjected, Message what) {
        String line() {
            return String.format("%s  +%4d s  %s", LocalTime.ofInstant(at, ZoneId.systemDefault()).truncatedTo(ChronoUnit.SECONDS),
                    secondsSinceInjected, what);
        }
    }

    private FaultTimeline(Message fault) {
        record(fault);
    }

    /** Starts the timeline: the fault is being injected now. */
    static FaultTimeline inject(Message fault) {
        LOG.info("Fault drill: {}", fault);
        return new FaultTimeline(fault);
    }

    /** An event, stamped with the time of day and the seconds since the fault. */
    void record(Message event) {
        events.add(new Event(Instant.now(), sinceInjected().toSeconds(), event));
    }

    /** When the fault was injected. */
    Instant injected() {
        return injected;
    }

    /** Seconds since the fault of the last event said so, e.g. {@code secondsOf(msg("alerts.timeline.started", "api"))}. */
    OptionalLong secondsOf(Message what) {
        return events.stream().filter(e -> e.what().equals(what)).mapToLong(Event::secondsSinceInjected).reduce((a, b) -> b);
    }

    private Duration sinceInjected() {
        return Duration.between(injected, Instant.now());
    }

    /**
     * Polls until the condition yields a value or the deadline passes, logging how long is left every 15 s;
     * returns the last value (empty when it never came). Exceptions while polling count as "not yet". A zero
     * deadline looks once.
     */
    <T> Optional<T> await(String what, Duration deadline, Callable<Optional<T>> condition) {
        if (deadline.isZero()) {
            // nothing to wait for (the files prove it cannot come): one look, in case it is there already
            try {
                return condition.call();
            } catch (Exception e) {
                return Optional.empty();
            }
        }
        List<Optional<T>> last = new ArrayList<>(List.of(Optional.empty()));
        try {
            Awaitility.await(what).atMost(deadline).pollDelay(Duration.ZERO).pollInterval(POLL).ignoreExceptions()
                    .conditionEvaluationListener(c -> {
                        if (c.getElapsedTimeInMS() / POLL.toMillis() % COUNTDOWN_EVERY_POLLS == COUNTDOWN_EVERY_POLLS - 1) {
                            LOG.info("  waiting for {}: {} s left", what, c.getRemainingTimeInMS() / 1000);
                        }
                    })
                    .until(() -> {
                        last.set(0, condition.call());
                        return last.get(0).isPresent();
                    });
        } catch (ConditionTimeoutException e) {
            LOG.info("  gave up waiting for {} after {} s", what, deadline.toSeconds());
        }
        return last.get(0);
    }

    /** One line per event: time of day, seconds since the fault, what happened (in English: the run's evidence file). */
    String text() {
        return events.stream().map(Event::line).collect(Collectors.joining("\n"));
    }

    /** The events on one line, for a verdict's "found": "api stopped (+0 s); InstanceDown pending (+14 s); ...". */
    Message summary() {
        return Message.clauses(events.stream().map(e -> msg("alerts.timeline.event", e.what(), e.secondsSinceInjected())).toList());
    }

    /** Keeps the timeline in the run's report folder ({@code faults/<check id>.txt}) and returns its text. */
    String saveAs(GradingContext context, String checkId) {
        try {
            Path file = context.reportFolder().resolve("faults").resolve(checkId + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text();
    }
}
