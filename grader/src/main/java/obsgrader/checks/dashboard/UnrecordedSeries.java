package obsgrader.checks.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a panel's query can never return data, so that waiting for it is vain: every series it reads is a
 * recording rule's (a name with a colon, which exporters do not use) that no rule of the submission records and
 * Prometheus does not have, and it calls no function that makes data out of nothing ({@code vector}, {@code time},
 * {@code absent}, {@code scalar}, ...). Whatever this reading does not know (a name without a colon, an unlisted
 * function, a bare number) may return data: the panel is waited for as before.
 */
final class UnrecordedSeries {
    private static final Pattern STRINGS = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern MATCHERS_AND_RANGES = Pattern.compile("\\{[^}]*}|\\[[^]]*]");
    private static final Pattern GROUPINGS = Pattern.compile("(?i)\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern NUMBERS = Pattern.compile("(?<![A-Za-z0-9_:])\\d[A-Za-z0-9_.+]*");
    private static final Pattern IDENTIFIER = Pattern.compile("([A-Za-z_:][A-Za-z0-9_:]*)(\\s*\\()?");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan", "start", "end");
    /** Functions and aggregations that return nothing when their series are empty. */
    private static final Set<String> EMPTY_STAYS_EMPTY = Set.of("rate", "irate", "increase", "delta", "idelta", "deriv",
            "sum", "avg", "min", "max", "count", "stddev", "stdvar", "topk", "bottomk", "quantile", "group",
            "histogram_quantile", "avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time",
            "last_over_time", "quantile_over_time", "abs", "ceil", "floor", "round", "clamp", "clamp_min", "clamp_max",
            "sort", "sort_desc", "label_replace", "label_join", "exp", "ln", "log2", "log10", "sqrt");

    private UnrecordedSeries() {
    }

    /**
     * @param recorded the names the submission's recording rules record
     * @param inPrometheus whether Prometheus has a series of that name now
     */
    static boolean cannotReturnData(String query, Set<String> recorded, Predicate<String> inPrometheus) {
        String bare = NUMBERS.matcher(GROUPINGS.matcher(MATCHERS_AND_RANGES.matcher(STRINGS.matcher(query).replaceAll(""))
                .replaceAll("")).replaceAll("")).replaceAll("");
        List<String> series = new ArrayList<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String name = identifier.group(1);
            if (identifier.group(2) != null) {
                if (!EMPTY_STAYS_EMPTY.contains(name)) {
                    return false;
                }
            } else if (!KEYWORDS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                series.add(name);
            }
        }
        return !series.isEmpty() && series.stream().allMatch(name -> name.contains(":") && !recorded.contains(name)
                && !inPrometheus.test(name));
    }
}
