package obsgrader.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import obsgrader.checks.Evidence;
import obsgrader.submission.Yaml;

/** A student's line of the gradebook, read back from their results.json (so a resumed batch reads it the same way). */
public record Row(String student, Map<String, Double> criteria, double bonus, double total, boolean passed,
                  boolean gradable, String reason, long seconds, List<String> lostChecks) {
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
            return new Row(student, criteria, extra.path("bonus").asDouble(),
                    // the one total (ScoreCard.total); results.json written before it had only the criteria's points
                    extra.path("total").asDouble(extra.path("points").asDouble()),
                    extra.path("passed").asBoolean(), extra.path("gradable").asBoolean(), reason,
                    extra.path("duration_seconds").asLong(), lost);
        } catch (IOException e) {
            return notGradable(student, "results.json unreadable: " + e.getMessage(), 0);
        }
    }

    /** Graded, but with points left open because this machine was offline: to regrade where images can be had. */
    public boolean partlyGradable() {
        return gradable && reason.startsWith(PARTLY);
    }

    public static Row notGradable(String student, String reason, long seconds) {
        return new Row(student, Map.of(), 0, 0, false, false, reason, seconds, List.of());
    }
}
