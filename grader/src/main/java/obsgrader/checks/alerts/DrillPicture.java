package obsgrader.checks.alerts;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.DoubleStream;
import obsgrader.clients.PrometheusApi;
import obsgrader.report.charts.DrillChart;
import obsgrader.report.charts.DrillChart.Sample;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fault drill as Prometheus recorded it, read back once the drill is over: the stopped service's {@code up}
 * and each alert about it in {@code ALERTS} (pending, firing; absent is inactive), from a minute before the
 * fault to now, in seconds since the fault. Raw samples, through a range selector evaluated at now.
 */
final class DrillPicture {
    private static final Logger LOG = LoggerFactory.getLogger(DrillPicture.class);
    private static final Duration BEFORE = Duration.ofSeconds(60);
    private static final Map<String, Double> STATES = Map.of("pending", 1.0, "firing", 2.0);

    private DrillPicture() {
    }

    /**
     * @param aboutService whether a series' labels are those of the stopped service (its jobs, its instance)
     * @param scrape the scrape interval: a target's up holds until its next scrape
     * @param step the evaluation interval: an alert's state holds until the next evaluation
     */
    static DrillChart read(PrometheusApi prometheus, FaultTimeline timeline, String drill, String service,
                           Predicate<JsonNode> aboutService, Duration forDuration, Duration scrape, Duration step) {
        Instant injected = timeline.injected();
        Instant now = Instant.now();
        long window = Duration.between(injected.minus(BEFORE), now).toSeconds() + 1;
        String at = String.format(Locale.ROOT, " @ %.3f", now.toEpochMilli() / 1000.0);
        List<Sample> up = new ArrayList<>();
        Map<String, List<Sample>> alerts = new TreeMap<>();
        double from = -BEFORE.toSeconds();
        double to = Duration.between(injected, now).toSeconds();
        try {
            List<Sample> upSamples = new ArrayList<>();
            for (JsonNode series : prometheus.query("up[" + window + "s]" + at)) {
                if (aboutService.test(series.path("metric"))) {
                    upSamples.addAll(samples(series, injected));
                }
            }
            // Several targets may be the service's (its job, a probe of it): it is up when all of them are.
            up.addAll(everyStep(upSamples, from, to, scrape.toSeconds(), DoubleStream::min, Double.NaN));
            Map<String, List<Sample>> raw = new TreeMap<>();
            for (JsonNode series : prometheus.query("ALERTS[" + window + "s]" + at)) {
                if (aboutService.test(series.path("metric"))) {
                    double state = STATES.getOrDefault(series.path("metric").path("alertstate").asText(), 0.0);
                    samples(series, injected).forEach(sample -> raw.computeIfAbsent(series.path("metric").path("alertname")
                            .asText(), k -> new ArrayList<>()).add(new Sample(sample.seconds(), state)));
                }
            }
            raw.forEach((name, samples) -> alerts.put(name, everyStep(samples, from, to, step.toSeconds(), DoubleStream::max, 0)));
        } catch (RuntimeException e) {
            LOG.info("the drill's chart has no Prometheus data: {}", e.getMessage());
        }
        long restartedAt = timeline.secondsOf(msg("alerts.timeline.started", service)).orElse(Duration.between(injected, now).toSeconds());
        return new DrillChart(drill, service, up, alerts, forDuration, restartedAt);
    }

    /** A range series' samples, in seconds since the fault. */
    private static List<Sample> samples(JsonNode series, Instant injected) {
        List<Sample> samples = new ArrayList<>();
        double origin = injected.toEpochMilli() / 1000.0;
        for (JsonNode point : series.path("values")) {
            samples.add(new Sample(point.get(0).asDouble() - origin, point.get(1).asDouble(Double.NaN)));
        }
        return samples;
    }

    /**
     * A series every step from the samples recorded in the step before, reduced (the highest alert state, the
     * lowest up); {@code none} where nothing was recorded (inactive for an alert, a gap, NaN, for up).
     */
    static List<Sample> everyStep(List<Sample> recorded, double from, double to, long step,
                                          Function<DoubleStream, OptionalDouble> reduce, double none) {
        List<Sample> steps = new ArrayList<>();
        long width = Math.max(1, step);
        // the grid's last step is the drill's end itself, so that what came after the last whole step shows
        List<Double> ends = new ArrayList<>();
        for (double t = from; t < to; t += width) {
            ends.add(t);
        }
        ends.add(to);
        double start = from - width;
        for (double end : ends) {
            double after = start;
            double value = reduce.apply(recorded.stream().filter(s -> s.seconds() > after && s.seconds() <= end)
                    .mapToDouble(Sample::value)).orElse(none);
            if (!Double.isNaN(value)) {
                steps.add(new Sample(end, value));
            }
            start = end;
        }
        return steps;
    }
}
