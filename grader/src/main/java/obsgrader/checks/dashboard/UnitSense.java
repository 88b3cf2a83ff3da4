package obsgrader.checks.dashboard;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import obsgrader.checks.dashboard.Dashboards.Panel;
import obsgrader.i18n.Message;

/**
 * Whether a panel's unit says what its query measures, as a teacher reading the dashboard would check: a set unit
 * that misreads the number is no better than none (a ratio of 0.8 under "percent" reads 0.8 %, a rate of bytes
 * under "bytes" reads as a size, a title in cores over a percentage). Only contradictions the query or the title
 * prove are named; a unit that could be right is left alone.
 */
final class UnitSense {
    private static final Set<String> SIZES = Set.of("bytes", "decbytes", "kbytes", "mbytes", "gbytes", "tbytes",
            "deckbytes", "decmbytes", "decgbytes", "dectbytes", "bits", "decbits");
    private static final Set<String> PERCENTS = Set.of("percent", "percentunit");
    private static final Pattern RATE_OF_BYTES = Pattern.compile("(?i)\\b(i?rate|deriv)\\s*\\([^)]*bytes");
    /** A division by a series or an expression, not by a number ({@code / 1024} converts, it does not make a ratio). */
    private static final Pattern RATIO = Pattern.compile("/\\s*(?![\\d.\\s])");
    private static final Pattern TIMES_100 = Pattern.compile("\\*\\s*100\\b|\\b100\\s*\\*");
    private static final Pattern CORES_IN_TITLE = Pattern.compile("(?i)\\bcores?\\b|\\bc(œ|oe)urs?\\b");

    private UnitSense() {
    }

    /** Why the panel's unit misreads its number, or empty when it does not (or no unit is set). */
    static Optional<Message> contradiction(Panel panel) {
        String unit = unitOf(panel.node());
        List<String> queries = panel.queries();
        if (unit.isBlank() || queries.isEmpty()) {
            return Optional.empty();
        }
        if (SIZES.contains(unit) && queries.stream().anyMatch(q -> RATE_OF_BYTES.matcher(q).find())) {
            return Optional.of(msg("dashboard.readability.wrong-unit", unit, msg("dashboard.readability.rate-of-bytes")));
        }
        if ("percent".equals(unit) && queries.stream().allMatch(q -> RATIO.matcher(q).find() && !q.contains("100")
                && !q.toLowerCase().contains("percent"))) {
            return Optional.of(msg("dashboard.readability.wrong-unit", unit, msg("dashboard.readability.ratio-as-percent")));
        }
        if ("percentunit".equals(unit) && queries.stream().anyMatch(q -> TIMES_100.matcher(q).find())) {
            return Optional.of(msg("dashboard.readability.wrong-unit", unit, msg("dashboard.readability.percent-as-ratio")));
        }
        if (PERCENTS.contains(unit) && CORES_IN_TITLE.matcher(panel.title()).find()) {
            return Optional.of(msg("dashboard.readability.wrong-unit", unit, msg("dashboard.readability.title-in-cores")));
        }
        return Optional.empty();
    }

    /** The panel's own unit: the current schema's, else a legacy panel's format or left y-axis format. */
    static String unitOf(JsonNode panel) {
        String unit = panel.path("fieldConfig").path("defaults").path("unit").asText("");
        if (unit.isBlank()) {
            unit = panel.path("format").asText("");
        }
        if (unit.isBlank()) {
            unit = panel.path("yaxes").path(0).path("format").asText("");
        }
        return unit.strip();
    }
}
