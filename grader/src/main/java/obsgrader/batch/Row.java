package obsgrader.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import obsgrader.checks.Evidence;
import obsgrader.report.ScoreCard;
import obsgrader.submission.Yaml;

/**
 * A student's line of the gradebook, read back from their results.json (so a resumed batch reads it the same way),
 * with the teacher's overrides applied to it, for the audit column and the class page.
 */
public record Row(String student, Map<String, Double> criteria, double bonus, double total, boolean passed,
                  boolean gradable, String reason, long seconds, List<String> lostChecks, List<Audit> overrides) {
    /** A teacher's override as applied: their points against the grader's, why, who and when; stale when it no longer matches. */
    public record Audit(String check, double points, double graderPoints, boolean graderNotAssessed, String reason,
                        String who, String when, boolean stale) {
    }

    public Row {
        // a shard's results written before overrides existed have none
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    public Row(String student, Map<String, Double> criteria, double bonus, double total, boolean passed, boolean gradable,
               String reason, long seconds, List<String> lostChecks) {
        this(student, criteria, bonus, total, passed, gradable, reason, seconds, lostChecks, List.of());
    }

    /** The note of a run graded only in part because this machine was offline: its live points are still open. */
    private static final String PARTLY = "partly gradable: ";

    public static Row of(String student, Path results) {
        try {
            JsonNode root = Yaml.JSON.readTree(results.toFile());
            JsonNode extra = root.path("extra_data");
            Map<String, Double> criteria = new LinkedHashMap<>();
            extra.path("criteria").forEach(c -> criteria.put(c.path("id").asText(), c.path("points").asDouble()));
            List<String> lost = new ArrayList<>();
            root.path("tests").forEach(t -> {
                // a line not assessed here (Grafana, say) is nobody's loss: it would top the class's list
                if (t.path("score").asDouble() < t.path("max_score").asDouble()
                        && !"bonus".equals(t.path("extra_data").path("criterion").asText())
                        && !Evidence.NOT_ASSESSED.label().equals(t.path("extra_data").path("evidence").asText())) {
                    lost.add(t.path("extra_data").path("check").asText());
                }
            });
            JsonNode offline = extra.path("environment").path("offline");
            String reason = offline.isMissingNode() ? extra.path("not_gradable_reason").asText("")
                    : PARTLY + extra.path("not_assessed_points").asText() + " points not assessed, offline ("
                    + extra.path("environment").path("stack").asText(offline.asText()) + ")";
            List<Audit> overrides = new ArrayList<>();
            extra.path("overrides").forEach(o -> overrides.add(new Audit(o.path("check").asText(), o.path("points").asDouble(),
                    o.path("grader_points").asDouble(), Evidence.NOT_ASSESSED.label().equals(o.path("grader_evidence").asText()),
                    o.path("reason").asText(), o.path("who").asText(), o.path("when").asText(), o.path("stale").asBoolean())));
            return new Row(student, criteria, extra.path("bonus").asDouble(),
                    // the one total (ScoreCard.total); results.json written before it had only the criteria's points
                    extra.path("total").asDouble(extra.path("points").asDouble()),
                    extra.path("passed").asBoolean(), extra.path("gradable").asBoolean(), reason,
                    extra.path("duration_seconds").asLong(), lost, overrides);
        } catch (IOException e) {
            return notGradable(student, "results.json unreadable: " + e.getMessage(), 0);
        }
    }

    /** Graded, but with points left open because this machine was offline: to regrade where images can be had. */
    public boolean partlyGradable() {
        return gradable && reason.startsWith(PARTLY);
    }

    /**
     * The gradebook's audit column: every override, "line: grader -> teacher (who, when: reason)", "; "-separated;
     * one that no longer matches the grader's verdict is marked STALE.
     */
    public String audit() {
        return overrides.stream().map(o -> o.check() + ": " + (o.graderNotAssessed() ? "not assessed" : ScoreCard.format(o.graderPoints()))
                + " -> " + ScoreCard.format(o.points()) + " (" + o.who() + ", " + o.when() + ": " + o.reason() + ")"
                + (o.stale() ? " STALE: the grader's verdict changed" : "")).collect(Collectors.joining("; "));
    }

    public static Row notGradable(String student, String reason, long seconds) {
        return new Row(student, Map.of(), 0, 0, false, false, reason, seconds, List.of());
    }
}
