package obsgrader.batch;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import obsgrader.checks.Evidence;
import obsgrader.i18n.Messages;
import obsgrader.report.ReportWriter;
import obsgrader.submission.Yaml;

/**
 * A student's line in every gradebook export: their row, who the LMS says they are, and the feedback: each lost
 * line in a sentence, in the run's language, read from their results.json (so a resumed or merged class gets it too).
 */
public record GradebookLine(Row row, Identity identity, List<String> feedback) {

    /** The lines of a class whose students' reports are under {@code folder}. */
    public static List<GradebookLine> of(List<Row> rows, Path folder) {
        return rows.stream().map(row -> {
            Path reports = folder.resolve(row.student());
            return new GradebookLine(row, Identity.read(reports, row.student()), feedback(row, reports.resolve(ReportWriter.RESULTS)));
        }).toList();
    }

    /** The feedback as one cell: its sentences one after another. */
    public String feedbackText() {
        return String.join(" ", feedback);
    }

    /** The grade a gradebook imports: the run's one total (ScoreCard.total, the bonus in it); none when not gradable. */
    public java.util.OptionalDouble grade() {
        return row.gradable() ? java.util.OptionalDouble.of(row.total()) : java.util.OptionalDouble.empty();
    }

    static List<String> feedback(Row row, Path results) {
        List<String> sentences = new ArrayList<>();
        JsonNode root = read(results);
        Messages messages = Messages.of(root.path("extra_data").path("language").asText("en"));
        // the student reads their own files' names, not where the grader unpacked them
        String submission = root.path("extra_data").path("submission").asText("/nowhere");
        if (!row.gradable()) {
            sentences.add(messages.get("report.feedback.not-gradable", row.reason()));
            return sentences;
        }
        for (JsonNode test : root.path("tests")) {
            JsonNode extra = test.path("extra_data");
            double max = extra.path("max_points").asDouble(test.path("max_score").asDouble());
            double lost = max - test.path("score").asDouble();
            if (lost > 0 && !"bonus".equals(extra.path("criterion").asText())
                    && !Evidence.NOT_ASSESSED.label().equals(extra.path("evidence").asText())) {
                String reason = extra.path("reason").asText(test.path("output").asText()).replace(submission + "/", "").replace(submission, "./").strip();
                sentences.add(messages.get("report.feedback.lost", test.path("name").asText(), messages.number(lost),
                        messages.number(max), reason.replaceAll("\\s*\n\\s*", " ").replaceAll("[.\\s]+$", "")));
            }
        }
        if (sentences.isEmpty()) {
            sentences.add(messages.get("report.feedback.none"));
        }
        return sentences;
    }

    private static JsonNode read(Path results) {
        try {
            return Files.isRegularFile(results) ? Yaml.JSON.readTree(results.toFile()) : Yaml.JSON.createObjectNode();
        } catch (IOException e) {
            return Yaml.JSON.createObjectNode();
        }
    }
}
