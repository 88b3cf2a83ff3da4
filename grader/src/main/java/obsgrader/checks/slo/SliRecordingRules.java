package obsgrader.checks.slo;

import static obsgrader.i18n.Message.msg;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import obsgrader.checks.Check;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Patience;
import obsgrader.checks.Need;
import obsgrader.checks.Needs;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.Verdict;
import obsgrader.checks.alerts.AlertScenarios;
import obsgrader.clients.PrometheusApi;
import obsgrader.i18n.Message;
import obsgrader.scenarios.LoadResults;
import obsgrader.scenarios.ShopRequest;
import obsgrader.submission.Rule;

/**
 * The SLIs are recorded, whatever the student named them (the lab's sli:availability:ratio_rate5m and
 * sli:latency:ratio_rate5m, or slo:availability:ratio5m, sli:disponibilite:ratio_5m...), and measure what they
 * say: each moves when its incident is played (promtool: a constant SLI, or one hidden behind
 * {@code or vector(1)}, does not), and after the load phase each agrees with what Gatling saw (the share of
 * requests answered, the share answered within the 300 ms threshold). Each SLI is half the points.
 */
@Needs({Need.PROMETHEUS, Need.LOAD})
@RubricCheck(id = "slo.recording-rules", title = "SLI recording rules for availability and latency return the ratios the traffic shows", live = true)
public final class SliRecordingRules implements Check {
    /**
     * How far an SLI may sit from Gatling's share. Its 5-minute window at the load's end also holds the earlier
     * checks' few requests and the blackbox probes, and a student's SLI may leave out /api/slow or /health
     * (the slow page is 30 of about 2000 requests, 1.5 %): 3 points of ratio cover both, and no constant does.
     */
    private static final double TOLERANCE = 0.03;
    private static final int THRESHOLD_MS = 300;
    private static final String API_REQUESTS = "http_requests_total";

    /** An SLI of the lab: its name in a reason, the lab's record, how a student's is named, its incident and how it moves then. */
    private record Sli(String kind, Message name, String lab, Pattern named, String incident, Message during, String moves) {
    }

    private static final List<Sli> SLIS = List.of(
            new Sli("availability", msg("slo.sli.availability"), "sli:availability:ratio_rate5m", Pattern.compile("(?i)(availab|disponib)"),
                    "budget-burn", msg("slo.recording-rules.errors-incident"), "min(%s) < bool 0.99"),
            new Sli("latency", msg("slo.sli.latency"), "sli:latency:ratio_rate5m", Pattern.compile("(?i)laten"), "high-latency",
                    msg("slo.recording-rules.latency-incident"), "min(%s) < bool 0.5"));

    @Override
    public Verdict judge(GradingContext context) {
        List<Rule> rules = Rule.all(context.submission());
        PrometheusApi prometheus = context.prometheus();
        LoadResults load = context.load();
        Instant scraped = scrapedAfter(context, prometheus, load);
        List<Message> found = new ArrayList<>();
        List<Message> problems = new ArrayList<>();
        double points = 0;
        for (Sli sli : SLIS) {
            Optional<String> record = recorded(rules, sli);
            if (record.isEmpty()) {
                problems.add(msg("slo.recording-rules.none", sli.name(), sli.lab()));
                continue;
            }
            String name = record.get();
            boolean moves = AlertScenarios.evaluates(context, sli.incident(), String.format(Locale.ROOT, sli.moves(), name), 1);
            double[] expected = "availability".equals(sli.kind()) ? answered(load) : underThreshold(load);
            Instant end = loadEnd(context, prometheus, scraped, name);
            double value = prometheus.value(String.format(Locale.ROOT, "min(%s @ %.3f)", name, end.toEpochMilli() / 1000.0));
            boolean agrees = !Double.isNaN(value) && value >= expected[0] - TOLERANCE && value <= expected[1] + TOLERANCE;
            Message gatling = expected[0] == expected[1] ? msg("slo.recording-rules.gatling", expected[0])
                    : msg("slo.recording-rules.gatling-range", expected[0], expected[1]);
            Message measured = Double.isNaN(value) ? msg("slo.recording-rules.no-data", name, gatling)
                    : msg("slo.recording-rules.value", name, value, gatling);
            found.add(moves ? measured : msg("slo.recording-rules.constant", measured, sli.during()));
            if (!agrees) {
                problems.add(msg("slo.recording-rules.off", measured, TOLERANCE));
            }
            if (!moves) {
                problems.add(msg("slo.recording-rules.still", name, sli.during()));
            }
            points += 0.5 * ((agrees ? 0.5 : 0) + (moves ? 0.5 : 0));
        }
        Message readings = Message.clauses(found);
        found.addAll(problems);
        return Verdict.live(points)
                .expected(msg("slo.recording-rules.expected", TOLERANCE))
                .found(Message.clauses(found))
                .measured(readings)
                .at(msg("slo.recording-rules.where"))
                .hint(problems.isEmpty() ? Message.NONE : msg("slo.recording-rules.hint"));
    }

    /**
     * The API's first scrape after the load, read once for every SLI (a later one would move each SLI's goal past
     * the evaluation that follows the first); the load's end itself when Prometheus does not say.
     */
    private static Instant scrapedAfter(GradingContext context, PrometheusApi prometheus, LoadResults load) {
        AtomicReference<Instant> scraped = new AtomicReference<>();
        Patience.waitUpTo(context.scrapeInterval().plusSeconds(5), () -> prometheus.lastScraped(API_REQUESTS)
                .filter(at -> at.isAfter(load.finished())).map(at -> {
                    scraped.set(at);
                    return true;
                }).orElse(false));
        return scraped.get() != null ? scraped.get() : load.finished();
    }

    /**
     * Where the load ended for an SLI: its rule's first evaluation after the API's first scrape after the load.
     * Waits for it (an evaluation at most); when Prometheus does not say, a scrape and an evaluation after it.
     */
    private static Instant loadEnd(GradingContext context, PrometheusApi prometheus, Instant scraped, String sli) {
        AtomicReference<Instant> evaluated = new AtomicReference<>();
        Patience.waitUpTo(context.evaluationInterval().plusSeconds(5), () -> {
            Optional<Instant> evaluation = prometheus.lastEvaluation(sli);
            evaluation.filter(when -> when.isAfter(scraped)).ifPresent(evaluated::set);
            return evaluated.get() != null || evaluation.isEmpty();
        });
        return evaluated.get() != null ? evaluated.get()
                : scraped.plus(context.scrapeInterval()).plus(context.evaluationInterval());
    }

    /** The lab's name when recorded, else a recording rule named for the SLI, the shortest window first. */
    private static Optional<String> recorded(List<Rule> rules, Sli sli) {
        List<String> records = rules.stream().filter(r -> !r.isAlert()).map(Rule::record).distinct().toList();
        if (records.contains(sli.lab())) {
            return Optional.of(sli.lab());
        }
        return records.stream().filter(r -> sli.named().matcher(r).find() && !r.matches("(?i).*(budget|burn|error).*"))
                .min((a, b) -> Integer.compare(window(a), window(b)));
    }

    private static int window(String record) {
        Matcher window = Pattern.compile("(\\d+)([smhd])").matcher(record);
        if (!window.find()) {
            return Integer.MAX_VALUE / 2;
        }
        int amount = Integer.parseInt(window.group(1));
        return switch (window.group(2)) {
            case "s" -> amount;
            case "m" -> amount * 60;
            case "h" -> amount * 3600;
            default -> amount * 86400;
        };
    }

    /** The share of requests Gatling saw answered without an error, as a point range. */
    private static double[] answered(LoadResults load) {
        long sent = 0;
        long failed = 0;
        for (ShopRequest request : ShopRequest.values()) {
            sent += load.sent(request);
            failed += load.failed(request);
        }
        double share = sent == 0 ? 1 : 1 - (double) failed / sent;
        return new double[] {share, share};
    }

    /**
     * The share of requests Gatling saw answered within the threshold, bounded from each request's percentiles
     * (p50, p95, p99, max): counted with and without the slow page, which an SLI may leave out.
     */
    private static double[] underThreshold(LoadResults load) {
        double[] all = bounds(load, List.of(ShopRequest.values()));
        double[] withoutSlow = bounds(load, List.of(ShopRequest.BROWSE, ShopRequest.ADD_TO_CART, ShopRequest.ORDER));
        return new double[] {Math.min(all[0], withoutSlow[0]), Math.max(all[1], withoutSlow[1])};
    }

    private static double[] bounds(LoadResults load, List<ShopRequest> requests) {
        double low = 0;
        double high = 0;
        long count = 0;
        for (ShopRequest request : requests) {
            for (var simulation : load.simulations()) {
                var stats = simulation.of(request);
                double[] share = stats.max() < THRESHOLD_MS ? new double[] {1, 1}
                        : stats.p99() < THRESHOLD_MS ? new double[] {0.99, 1}
                        : stats.p95() < THRESHOLD_MS ? new double[] {0.95, 0.99}
                        : stats.p50() < THRESHOLD_MS ? new double[] {0.5, 0.95} : new double[] {0, 0.5};
                low += share[0] * stats.count();
                high += share[1] * stats.count();
                count += stats.count();
            }
        }
        return count == 0 ? new double[] {0, 1} : new double[] {low / count, high / count};
    }
}
