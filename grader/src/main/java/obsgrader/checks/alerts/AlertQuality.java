package obsgrader.checks.alerts;

import static obsgrader.i18n.Message.msg;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.grading.PromDuration;
import obsgrader.i18n.Message;
import obsgrader.submission.Rule;

/**
 * Each alert is fit for an on-call human: a severity, templated summary and description, a sane
 * {@code for}, rate windows long enough to hold at least two scrapes, and rates taken of counters only.
 */
@RubricCheck(id = "alerts.quality", title = "Alerts have a severity, templated annotations, a sane for, rate windows >= 2x the scrape interval")
public final class AlertQuality implements Check {
    private static final Pattern RANGE = Pattern.compile("\\[(\\d+(?:ms|s|m|h|d|w|y))(?::[^]]*)?]");
    private static final Duration SHORTEST_FOR = Duration.ofSeconds(30);
    /** The severity label, under the names students give it (French included). */
    private static final Pattern SEVERITY = Pattern.compile("(?i)severity|severite|gravite|criticite|criticality|priority|priorite|level|niveau|urgency");
    private static final Duration LONGEST_FOR = Duration.ofHours(1);
    /**
     * rate(), irate() or increase() of a gauge measures nothing meaningful (they read resets as counter resets).
     * Named here: the gauges of the lab's API and of its exporters; counters without {@code _total} (nginx,
     * postgres-exporter) make a naming rule unsafe.
     */
    private static final Pattern RATE_OF_GAUGE = Pattern.compile("\\b(rate|irate|increase)\\s*\\(\\s*(http_requests_active|up|"
            + "probe_success|pg_up|redis_up|nginx_connections_(?:active|reading|writing|waiting)|node_memory_\\w+_bytes|"
            + "node_filesystem_(?:avail|free|size)_bytes|node_load\\d+|redis_connected_clients|pg_stat_activity_count)\\b");

    @Override
    public Verdict judge(GradingContext context) {
        List<Rule> alerts = Rule.alerts(context.submission());
        if (alerts.isEmpty()) {
            return Verdict.fromFiles(0).expected(msg("alerts.quality.expected-rules")).found(msg("alerts.none"))
                    .at(msg("alerts.rule-files"));
        }
        Duration shortestWindow = context.scrapeInterval().multipliedBy(2);
        List<Message> problems = new ArrayList<>();
        Map<Aspect, Integer> failing = new EnumMap<>(Aspect.class);
        for (Rule alert : alerts) {
            Map<Aspect, List<Message>> own = problemsOf(alert, shortestWindow);
            own.keySet().forEach(aspect -> failing.merge(aspect, 1, Integer::sum));
            if (!own.isEmpty()) {
                problems.add(msg("alerts.quality.problem", alert.where(), alert.alert(), own.values().stream().flatMap(List::stream).toList()));
            }
        }
        // four aspects, a quarter each; an aspect some alert misses loses half its quarter, and more by the share missing it
        double fraction = 0;
        for (Aspect aspect : Aspect.values()) {
            int misses = failing.getOrDefault(aspect, 0);
            fraction += 0.25 * (misses == 0 ? 1 : 0.5 * Verdict.share(alerts.size() - misses, alerts.size()));
        }
        return Verdict.fromFiles(fraction)
                .expected(msg("alerts.quality.expected", SHORTEST_FOR.toSeconds(), shortestWindow.toSeconds()))
                .found(problems.isEmpty() ? msg("alerts.quality.all", alerts.size()) : Message.clauses(problems))
                .at(msg("alerts.rule-files"))
                .hint(problems.isEmpty() ? Message.NONE : msg("alerts.quality.hint"))
                .measured(msg("alerts.quality.all", alerts.size()));
    }

    /** What a teacher looks at in an alert, one aspect at a time. */
    enum Aspect { SEVERITY, TEMPLATED, FOR, WINDOWS_AND_COUNTERS }

    static Map<Aspect, List<Message>> problemsOf(Rule alert, Duration shortestWindow) {
        Map<Aspect, List<Message>> problems = new EnumMap<>(Aspect.class);
        if (alert.labels().entrySet().stream().noneMatch(l -> SEVERITY.matcher(l.getKey()).matches() && !l.getValue().isBlank())) {
            problems.computeIfAbsent(Aspect.SEVERITY, a -> new ArrayList<>()).add(msg("alerts.quality.no-severity"));
        }
        String annotations = alert.annotations().getOrDefault("summary", "") + alert.annotations().getOrDefault("description", "");
        if (!annotations.contains("{{")) {
            problems.computeIfAbsent(Aspect.TEMPLATED, a -> new ArrayList<>()).add(msg("alerts.quality.not-templated"));
        }
        Duration forDuration = PromDuration.parse(alert.forDuration()).orElse(Duration.ZERO);
        if (forDuration.compareTo(SHORTEST_FOR) < 0 || forDuration.compareTo(LONGEST_FOR) > 0) {
            problems.computeIfAbsent(Aspect.FOR, a -> new ArrayList<>())
                    .add(alert.forDuration().isEmpty() ? msg("alerts.quality.no-for") : msg("alerts.quality.for", alert.forDuration()));
        }
        Matcher range = RANGE.matcher(alert.expr());
        while (range.find()) {
            Duration window = PromDuration.parse(range.group(1)).orElse(Duration.ZERO);
            if (window.compareTo(shortestWindow) < 0) {
                problems.computeIfAbsent(Aspect.WINDOWS_AND_COUNTERS, a -> new ArrayList<>())
                        .add(msg("alerts.quality.short-window", range.group(1)));
            }
        }
        Matcher rateOfGauge = RATE_OF_GAUGE.matcher(alert.expr());
        while (rateOfGauge.find()) {
            problems.computeIfAbsent(Aspect.WINDOWS_AND_COUNTERS, a -> new ArrayList<>())
                    .add(msg("alerts.quality.rate-of-gauge", rateOfGauge.group(1), rateOfGauge.group(2)));
        }
        return problems;
    }
}
