package obsgrader.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import obsgrader.i18n.Messages;
import obsgrader.rubric.Rubric;
import obsgrader.rubric.RubricLoader;

/**
 * The grading's settings from system properties ({@code -Dstack}, {@code -Drubric}, {@code -Dgrader.mode},
 * {@code -Dreports}, {@code -Dgrader.lang}, and the run's own, {@link RunSettings}), read once by the test entry
 * points, the edge; relative paths are taken from the project's root, where {@code mvn} is run. {@code language}
 * is empty when the rubric file's own is to be used.
 */
public record Settings(Path stack, Path rubric, Mode mode, Path reports, String language, RunSettings run) {

    public static Settings fromSystemProperties() {
        Path root = Path.of(System.getProperty("obsgrader.root", ".")).toAbsolutePath();
        return new Settings(
                root.resolve(System.getProperty("stack", "stack")).normalize(),
                root.resolve(System.getProperty("rubric", "grader/src/main/resources/obsgrader/rubric.yml")).normalize(),
                Mode.parse(System.getProperty("grader.mode")),
                root.resolve(System.getProperty("reports", "reports")).normalize(),
                System.getProperty("grader.lang", "").trim(),
                RunSettings.fromSystemProperties());
    }

    /** The rubric file, in the language of {@code -Dgrader.lang} when it is given. */
    public Rubric loadRubric() {
        Rubric rubric = RubricLoader.load(this.rubric);
        return language.isEmpty() ? rubric : rubric.withLanguage(Messages.of(language).language());
    }

    /** {@code reports/latest}, emptied for a new run. */
    public Path freshLatest() {
        Path latest = reports.resolve("latest");
        if (Files.exists(latest)) {
            try (Stream<Path> files = Files.walk(latest)) {
                files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(latest)).forEach(Settings::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return latest;
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
