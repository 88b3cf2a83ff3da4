package obsgrader.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a run's reports into its folder: results.json, score.md and the console card. */
public final class ReportWriter {
    public static final String RESULTS = "results.json";
    public static final String CARD = "card.txt";

    private ReportWriter() {
    }

    public static void write(ScoreCard card, Path folder) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(RESULTS), ResultsJson.render(card).toPrettyString());
            Files.writeString(folder.resolve("score.md"), ScoreMarkdown.render(card));
            Files.writeString(folder.resolve(CARD), ConsoleCard.render(card) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
