package obsgrader.checks.alerts;

import static obsgrader.i18n.Message.msg;

import java.time.Duration;
import java.util.EnumMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import obsgrader.grading.PromDuration;
import obsgrader.i18n.Message;
import obsgrader.submission.Rule;
import obsgrader.submission.Submission;

/**
 * What an alert watches, read from its expression with the recording rules it uses spelled out: the
 * symptoms an incident burst (orders, slow requests) should raise. One alert may watch several.
 */
enum Symptom {
    ERROR_RATE(msg("alerts.symptom.error-rate"), (alert, expr) -> expr.contains("http_requests_total") && Clues.FIVE_XX.matcher(expr).find()),
    ORDER_FAILURES(msg("alerts.symptom.order-failures"), (alert, expr) -> expr.contains("orders_total")),
    LATENCY(msg("alerts.symptom.latency"), (alert, expr) -> expr.contains("http_request_duration_seconds")),
    SLO(msg("alerts.symptom.slo"), (alert, expr) -> Clues.SLO_NAME.matcher(alert.alert()).matches() || alert.labels().containsKey("slo")
            || Clues.SLO_SERIES.matcher(alert.expr()).find());

    private static final Pattern RANGE = Pattern.compile("\\[(\\d+[smhdwy])(?::[^]]*)?]");
    private static final Pattern STRING = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");
    private static final Pattern SERIES = Pattern.compile("(?<![\\w:])([a-zA-Z_][\\w:]*)(?=\\s*[{\\[])|(?<![\\w:])([a-zA-Z_]\\w*:[\\w:]*)");
    /** Recording rules may build on recording rules; deeper than this is a loop. */
    private static final int EXPANSION_DEPTH = 5;

    /** What gives a symptom away in an alert (a holder: enum constants cannot read the enum's own statics). */
    private static final class Clues {
        static final Pattern FIVE_XX = Pattern.compile("(status|code)\\s*[!=]~?\\s*\"5");
        static final Pattern SLO_NAME = Pattern.compile("(?i).*(slo|sli|budget|burn).*");
        static final Pattern SLO_SERIES = Pattern.compile("\\b(sli|slo)[:_]");
    }

    private final Message meaning;
    private final BiPredicate<Rule, String> watchedBy;

    Symptom(Message meaning, BiPredicate<Rule, String> watchedBy) {
        this.meaning = meaning;
        this.watchedBy = watchedBy;
    }

    Message meaning() {
        return meaning;
    }

    /**
     * An alerting rule watching a symptom: its name, its expression, the longest rate window it reads (how long
     * traffic takes at worst to fill it), and the series its expression names (recorded or scraped).
     */
    record Watcher(String alert, String expr, Duration window, Set<String> reads) {
    }

    /** The alerting rules watching each symptom, for the symptoms some rule watches. */
    static Map<Symptom, List<Watcher>> alertsOf(Submission submission) {
        Map<String, String> recorded = Rule.recorded(submission);
        Map<Symptom, List<Watcher>> alerts = new EnumMap<>(Symptom.class);
        for (Rule alert : Rule.alerts(submission)) {
            String expr = expanded(alert.expr(), recorded);
            for (Symptom symptom : values()) {
                if (symptom.watchedBy.test(alert, expr)) {
                    alerts.computeIfAbsent(symptom, s -> new ArrayList<>())
                            .add(new Watcher(alert.alert(), alert.expr(), longestWindow(expr), seriesNamed(alert.expr())));
                }
            }
        }
        return alerts;
    }

    /** The series an expression selects: names before a matcher or a range, and recorded names (with a colon). */
    static Set<String> seriesNamed(String expr) {
        Matcher name = SERIES.matcher(STRING.matcher(expr).replaceAll("\"\""));
        Set<String> names = new TreeSet<>();
        while (name.find()) {
            names.add(name.group(1) != null ? name.group(1) : name.group(2));
        }
        return names;
    }

    /** The expression with every recorded series it reads replaced by the recording rule's expression. */
    static String expanded(String expr, Map<String, String> recorded) {
        String expanded = expr;
        for (int depth = 0; depth < EXPANSION_DEPTH; depth++) {
            String before = expanded;
            for (Map.Entry<String, String> rule : recorded.entrySet()) {
                expanded = expanded.replaceAll("(?<![\\w:])" + Pattern.quote(rule.getKey()) + "(?![\\w:])",
                        Matcher.quoteReplacement("(" + rule.getValue() + ")"));
            }
            if (expanded.equals(before)) {
                break;
            }
        }
        return expanded;
    }

    private static Duration longestWindow(String expr) {
        Matcher range = RANGE.matcher(expr);
        Duration longest = Duration.ZERO;
        while (range.find()) {
            Duration window = PromDuration.parse(range.group(1)).orElse(Duration.ZERO);
            longest = window.compareTo(longest) > 0 ? window : longest;
        }
        return longest;
    }
}
