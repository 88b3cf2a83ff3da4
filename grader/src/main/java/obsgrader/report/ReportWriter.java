package obsgrader.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import obsgrader.i18n.Messages;

/**
 * Writes a run's reports into its folder, in the run's language: results.json, score.md, the console card and
 * the charts' PNG files.
 */
public final class ReportWriter {
    public static final String RESULTS = "results.json";
    public static final String CARD = "card.txt";
    public static final String SCORE = "score.md";

    private ReportWriter() {
    }

    public static void write(ScoreCard card, Path folder, Messages messages) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(RESULTS), ResultsJson.render(card, messages).toPrettyString());
            card.pictures().forEach(picture -> picture.drawing().writePng(messages, folder.resolve(picture.file())));
            Files.writeString(folder.resolve(SCORE), ScoreMarkdown.render(card, messages));
            Files.writeString(folder.resolve(CARD), ConsoleCard.render(card, messages) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
