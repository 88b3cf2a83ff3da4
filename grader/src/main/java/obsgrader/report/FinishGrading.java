package obsgrader.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import obsgrader.submission.Folders;
import obsgrader.submission.Yaml;

/**
 * The last step of a grading run: prints the score card, keeps a copy of {@code reports/latest} in a
 * per-run folder, and says whether the build must fail: below the pass mark (CI gating) or not gradable.
 * Lost points alone never fail the build: they are the student's feedback.
 */
public final class FinishGrading {
    private FinishGrading() {
    }

    /** The reason to fail the build, if any. */
    public static Optional<String> finish(Path latest, boolean gate) {
        Path results = latest.resolve(ReportWriter.RESULTS);
        if (!Files.isRegularFile(results)) {
            return Optional.of("No " + results + ": the grading run did not finish (see the output above).");
        }
        try {
            System.out.println(Files.readString(latest.resolve(ReportWriter.CARD)).stripTrailing());
            JsonNode extra = Yaml.JSON.readTree(results.toFile()).path("extra_data");
            Path archive = archive(latest, extra.path("submission").asText("submission"));
            System.out.println("(reports: " + latest + ", kept as " + archive + ")");
            if (!extra.path("gradable").asBoolean()) {
                return Optional.of("NOT GRADABLE: " + extra.path("not_gradable_reason").asText());
            }
            if (gate && !extra.path("passed").asBoolean()) {
                return Optional.of("Below the pass mark: " + extra.path("points").asText() + " < "
                        + extra.path("pass_mark").asText() + " (use -Dgrader.gate=false to only report)");
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path archive(Path latest, String submission) throws IOException {
        String name = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + Path.of(submission).getFileName();
        Path archive = latest.resolveSibling("runs").resolve(name);
        Folders.copy(latest, archive);
        return archive;
    }
}
