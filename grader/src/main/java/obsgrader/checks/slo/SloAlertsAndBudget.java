package obsgrader.checks.slo;

import static obsgrader.i18n.Message.msg;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.checks.dashboard.Dashboards;
import obsgrader.i18n.Message;
import obsgrader.submission.Rule;

/**
 * The SLOs are watched: an alert on the availability SLI and one on the latency SLI (a quarter of the points
 * each), and the error budget or burn rate computed where it can be seen, in a recording rule or a panel (half).
 * An alert counts through the recording rules it uses, so a burn-rate alert built on {@code sli:...} counts.
 */
@RubricCheck(id = "slo.alerts-budget", title = "Alerts watch the SLIs, and the error budget or burn rate is shown")
public final class SloAlertsAndBudget implements Check {
    /** A recording rule named for the SLI ({@code sli:availability:...}, not node_memory_MemAvailable_bytes), or the ratio itself. */
    private static final Pattern AVAILABILITY = Pattern.compile("(?i)\\w:\\w*(availab|disponib)|(availab|disponib)\\w*:|(status|code)\\w*\\s*!~\\s*\"5");
    /** A recording rule named for the SLI, or the share of requests under the 300 ms bucket. */
    private static final Pattern LATENCY = Pattern.compile("(?i)\\w:\\w*laten[ct]|laten[ct]\\w*:|\\ble\\s*=\\s*\"0?\\.3\"");
    /** A ratio over the allowed bad ratio: {@code ... / (1 - 0.995)}, {@code ... / 0.005}, or a rule named for it. */
    private static final Pattern BUDGET = Pattern.compile("(?i)budget|burn|/\\s*\\(\\s*1\\s*-\\s*(0?\\.9\\d*|[\\w:]+)\\s*\\)|/\\s*0?\\.0\\d+\\b");
    /** The SRE workbook's pairs: a long and a short window over the same factor (14.4x over 1h and 5m, 6x over 6h and 30m). */
    private static final Pattern MULTI_WINDOW = Pattern.compile("(?s)(14\\.4|\\b6\\b).*\\band\\b.*(14\\.4|\\b6\\b)");
    private static final int EXPANSION_DEPTH = 4;
    /**
     * An alert that says it guards an SLO ({@code slo: availability}, "SLO = 99,5 % de succès" in its description) is
     * an SLO alert when it reads that SLI's signal, set at the student's SLO rather than through a recorded SLI.
     */
    private static final Pattern NAMES_AN_SLO = Pattern.compile("(?i)\\bslos?\\b|objecti(f|ve) de (service|disponibilit|latence)");
    private static final Pattern ERRORS_READ = Pattern.compile("(status|code)\\w*\\s*[!=]~?\\s*\"[25]");
    private static final Pattern LATENCY_READ = Pattern.compile("_duration_|_latency_|histogram_quantile");

    private static boolean guardsAnSlo(Rule alert, Pattern reads, List<Rule> rules) {
        return (NAMES_AN_SLO.matcher(alert.annotations().toString() + alert.labels()).find())
                && reads.matcher(expanded(alert.expr(), rules)).find();
    }

    private static boolean onAvailability(Rule alert, List<Rule> rules) {
        return AVAILABILITY.matcher(expanded(alert.expr(), rules)).find() || guardsAnSlo(alert, ERRORS_READ, rules);
    }

    private static boolean onLatency(Rule alert, List<Rule> rules) {
        return LATENCY.matcher(expanded(alert.expr(), rules)).find() || guardsAnSlo(alert, LATENCY_READ, rules);
    }

    /** The alerts that watch the availability SLI or its error budget, read through the recording rules they use. */
    public static List<Rule> availabilityAlerts(List<Rule> rules) {
        return rules.stream().filter(Rule::isAlert)
                .filter(a -> onAvailability(a, rules) || BUDGET.matcher(a.name() + " " + a.expr()).find())
                .toList();
    }

    @Override
    public Verdict judge(GradingContext context) {
        List<Rule> rules = Rule.all(context.submission());
        List<Rule> alerts = rules.stream().filter(Rule::isAlert).toList();
        Optional<Rule> availability = alerts.stream().filter(a -> onAvailability(a, rules)).findFirst();
        Optional<Rule> latency = alerts.stream().filter(a -> onLatency(a, rules)).findFirst();
        List<Message> budget = Stream.concat(
                rules.stream().filter(r -> BUDGET.matcher(r.name()).find() || BUDGET.matcher(r.expr()).find())
                        .map(r -> r.isAlert() ? msg("slo.alerts-budget.alert", r.name(), r.where())
                                : msg("slo.alerts-budget.recording-rule", r.name(), r.where())),
                Dashboards.of(context.submission()).stream().flatMap(d -> d.contentPanels().stream())
                        .filter(p -> BUDGET.matcher(String.join("\n", p.queries())).find()).map(p -> Message.verbatim(p.where())))
                .distinct().toList();
        Optional<Rule> multiWindow = alerts.stream().filter(a -> MULTI_WINDOW.matcher(a.expr()).find()).findFirst();

        List<Message> missing = new ArrayList<>();
        if (availability.isEmpty()) {
            missing.add(msg("slo.alerts-budget.no-availability-alert"));
        }
        if (latency.isEmpty()) {
            missing.add(msg("slo.alerts-budget.no-latency-alert"));
        }
        if (budget.isEmpty()) {
            missing.add(msg("slo.alerts-budget.no-budget"));
        }
        double fraction = (availability.isPresent() ? 0.25 : 0) + (latency.isPresent() ? 0.25 : 0) + (budget.isEmpty() ? 0 : 0.5);
        List<Message> found = new ArrayList<>();
        availability.ifPresent(a -> found.add(msg("slo.alerts-budget.availability-alert", a.name(), a.where())));
        latency.ifPresent(a -> found.add(msg("slo.alerts-budget.latency-alert", a.name(), a.where())));
        if (!budget.isEmpty()) {
            List<Message> shown = budget.subList(0, Math.min(3, budget.size()));
            found.add(budget.size() > 3 ? msg("slo.alerts-budget.budget-more", budget.size(), shown)
                    : msg("slo.alerts-budget.budget", budget.size(), shown));
        }
        found.add(multiWindow.map(a -> msg("slo.alerts-budget.multi-window", a.name(), a.where()))
                .orElse(msg("slo.alerts-budget.no-multi-window")));
        if (!missing.isEmpty()) {
            found.add(msg("slo.alerts-budget.missing", Message.clauses(missing)));
        }
        return Verdict.fromFiles(fraction)
                .expected(msg("slo.alerts-budget.expected"))
                .found(Message.clauses(found))
                .measured(Message.clauses(found))
                .at(Message.verbatim(Stream.of(availability, latency).flatMap(Optional::stream).map(Rule::where).distinct().toList()))
                .hint(msg("slo.alerts-budget.hint", missing.isEmpty() ? Message.NONE : msg("slo.alerts-budget.hint-add", Message.clauses(missing)),
                        multiWindow.isPresent() ? Message.NONE : msg("slo.alerts-budget.hint-multi-window")))
                .attach("budget and burn rate", budget.stream().map(Message::toString).collect(Collectors.joining("\n")));
    }

    /** An expression with the expressions of the recording rules it uses appended, so their meaning is seen through. */
    private static String expanded(String expr, List<Rule> rules) {
        StringBuilder text = new StringBuilder(expr);
        Set<String> seen = new HashSet<>();
        List<String> frontier = List.of(expr);
        for (int depth = 0; depth < EXPANSION_DEPTH && !frontier.isEmpty(); depth++) {
            List<String> current = frontier;
            List<Rule> used = rules.stream()
                    .filter(r -> !r.isAlert() && !seen.contains(r.record()) && current.stream().anyMatch(e -> uses(e, r.record())))
                    .toList();
            used.forEach(r -> {
                seen.add(r.record());
                text.append('\n').append(r.expr());
            });
            frontier = used.stream().map(Rule::expr).toList();
        }
        return text.toString();
    }

    private static boolean uses(String expr, String record) {
        return Pattern.compile("(?<![\\w:])" + Pattern.quote(record) + "(?![\\w:])").matcher(expr).find();
    }
}
