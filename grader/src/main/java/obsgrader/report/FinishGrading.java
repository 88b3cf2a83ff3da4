package obsgrader.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import obsgrader.i18n.Messages;
import obsgrader.grading.Mode;
import obsgrader.submission.Folders;
import obsgrader.submission.Yaml;

/**
 * The last step of a grading run: prints the score card, keeps a copy of {@code reports/latest} in a
 * per-run folder, and says whether the build must fail: below the pass mark (CI gating) or not gradable.
 * Lost points alone never fail the build: they are the student's feedback.
 *
 * <p>Its last line is the marker CI reads, the same in every language: {@code obsgrader-result: passed}, {@code
 * below-pass-mark}, {@code not-gradable}, or for a static self-check {@code open} (the pass mark still within
 * reach) and {@code out-of-reach}. Maven ends in BUILD FAILURE for both below-pass-mark and not-gradable (its exit
 * status is 1 for any failure); {@code examples/grade.sh} turns the marker into distinct exit statuses.
 */
public final class FinishGrading {
    /** The start of the marker line (README, "In CI"). */
    public static final String MARKER = "obsgrader-result: ";

    private FinishGrading() {
    }

    /** The reason to fail the build, if any. */
    public static Optional<String> finish(Path latest, boolean gate) {
        Path results = latest.resolve(ReportWriter.RESULTS);
        if (!Files.isRegularFile(results)) {
            return Optional.of(Messages.ENGLISH.get("report.finish.no-results", results));
        }
        try {
            System.out.println(Files.readString(latest.resolve(ReportWriter.CARD)).stripTrailing());
            JsonNode extra = Yaml.JSON.readTree(results.toFile()).path("extra_data");
            Messages messages = Messages.of(extra.path("language").asText("en"));
            Path archive = archive(latest, extra.path("submission").asText("submission"));
            System.out.println(messages.get("report.finish.kept", latest, archive));
            if (!extra.path("gradable").asBoolean()) {
                System.out.println(MARKER + "not-gradable");
                return Optional.of(messages.get("report.card.not-gradable", extra.path("not_gradable_reason").asText()));
            }
            System.out.println(MARKER + result(extra));
            return gate ? belowThePassMark(extra, messages) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The marker's word for a gradable run. */
    private static String result(JsonNode extra) {
        if (extra.path("passed").asBoolean()) {
            return "passed";
        }
        if (Mode.parse(extra.path("mode").asText()) != Mode.STATIC) {
            return "below-pass-mark";
        }
        return reachable(extra) < extra.path("pass_mark").asDouble() ? "out-of-reach" : "open";
    }

    /** A static self-check's best: its total and every point not assessed, at most the rubric's maximum. */
    private static double reachable(JsonNode extra) {
        double reachable = extra.path("total").asDouble() + extra.path("not_assessed_points").asDouble();
        return ScoreCard.round(Math.min(extra.path("max_points").asDouble(reachable), reachable));
    }

    /**
     * A full run fails below the pass mark. A static self-check cannot reach it (the live points are not
     * assessed): it fails only when the points already lost make the pass mark out of reach.
     */
    private static Optional<String> belowThePassMark(JsonNode extra, Messages messages) {
        double points = extra.path("total").asDouble();
        double passMark = extra.path("pass_mark").asDouble();
        if (Mode.parse(extra.path("mode").asText()) != Mode.STATIC) {
            return extra.path("passed").asBoolean() ? Optional.empty()
                    : Optional.of(messages.get("report.finish.below", messages.number(points), messages.number(passMark)));
        }
        double reachable = reachable(extra);
        if (reachable < passMark) {
            return Optional.of(messages.get("report.finish.out-of-reach", messages.number(points), messages.number(reachable),
                    messages.number(passMark)));
        }
        return Optional.empty();
    }

    private static Path archive(Path latest, String submission) throws IOException {
        String name = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + Path.of(submission).getFileName();
        Path archive = latest.resolveSibling("runs").resolve(name);
        Folders.copy(latest, archive);
        return archive;
    }
}
