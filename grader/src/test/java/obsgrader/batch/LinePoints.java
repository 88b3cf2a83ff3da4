package obsgrader.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import obsgrader.checks.Evidence;
import obsgrader.submission.Yaml;

/** A student's points line by line, as their results.json says them: what two gradings of a class must agree on. */
public final class LinePoints {
    private LinePoints() {
    }

    /** Each rubric line's points (or "not assessed"), by check id; a student with no report, "no report". */
    public static Map<String, String> of(Path reportFolder) {
        Path results = reportFolder.resolve("results.json");
        Map<String, String> lines = new TreeMap<>();
        if (!Files.isRegularFile(results)) {
            lines.put("(report)", "no report");
            return lines;
        }
        try {
            JsonNode root = Yaml.JSON.readTree(results.toFile());
            root.path("tests").forEach(test -> lines.put(test.path("extra_data").path("check").asText(),
                    Evidence.NOT_ASSESSED.label().equals(test.path("extra_data").path("evidence").asText()) ? "not assessed"
                            : test.path("score").asText("not gradable")));
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines on which two gradings of one student differ, one a line: "check: first ≠ second". */
    public static String differences(Map<String, String> first, Map<String, String> second) {
        StringBuilder differ = new StringBuilder();
        Stream.concat(first.keySet().stream(), second.keySet().stream()).distinct().sorted()
                .filter(check -> !String.valueOf(first.get(check)).equals(String.valueOf(second.get(check))))
                .forEach(check -> differ.append(check).append(": ").append(first.get(check)).append(" ≠ ")
                        .append(second.get(check)).append('\n'));
        return differ.toString();
    }
}
