package obsgrader.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;
import obsgrader.submission.Yaml;

/**
 * The last step of {@code mvn verify}: prints the score card, keeps a copy of {@code reports/latest} in a
 * per-run folder, and fails the build below the pass mark (CI gating) unless the gate is off. Lost points
 * alone never fail the build: they are the student's feedback.
 */
public final class FinishGrading {
    private FinishGrading() {
    }

    /** Arguments: the path of results.json, and whether the pass mark gates the build. */
    public static void main(String[] args) throws IOException {
        Path results = Path.of(args[0]);
        boolean gate = args.length < 2 || Boolean.parseBoolean(args[1]);
        Path latest = results.getParent();
        if (!Files.isRegularFile(results)) {
            throw new IllegalStateException("No " + results + ": the grading run did not finish (see the output above).");
        }
        System.out.println(Files.readString(latest.resolve(ReportWriter.CARD)).stripTrailing());
        JsonNode extra = Yaml.JSON.readTree(results.toFile()).path("extra_data");
        Path archive = archive(latest, extra.path("submission").asText("submission"));
        System.out.println("(reports: " + latest + ", kept as " + archive + ")");
        if (!extra.path("gradable").asBoolean()) {
            throw new IllegalStateException("NOT GRADABLE: " + extra.path("not_gradable_reason").asText());
        }
        if (gate && !extra.path("passed").asBoolean()) {
            throw new IllegalStateException("Below the pass mark: " + extra.path("points").asText() + " < "
                    + extra.path("pass_mark").asText() + " (use -Dgrader.gate=false to only report)");
        }
    }

    private static Path archive(Path latest, String submission) throws IOException {
        String name = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + Path.of(submission).getFileName();
        Path archive = latest.resolveSibling("runs").resolve(name);
        try (Stream<Path> files = Files.walk(latest)) {
            for (Path file : files.toList()) {
                Path target = archive.resolve(latest.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return archive;
    }
}
