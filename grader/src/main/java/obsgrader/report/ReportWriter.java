package obsgrader.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import obsgrader.i18n.Messages;

/**
 * Writes a run's reports into its folder, in the run's language: results.json (Gradescope's), score.md, the
 * console card, the charts' PNG files, and what the other platforms read: prairielearn.json (PrairieLearn's
 * external grading results), classroom.json (GitHub Classroom's reporter input) and annotations.txt (the lost
 * lines as GitHub workflow annotations).
 */
public final class ReportWriter {
    public static final String RESULTS = "results.json";
    public static final String CARD = "card.txt";
    public static final String SCORE = "score.md";
    public static final String PRAIRIELEARN = "prairielearn.json";
    public static final String CLASSROOM = "classroom.json";
    public static final String ANNOTATIONS = "annotations.txt";

    private ReportWriter() {
    }

    public static void write(ScoreCard card, Path folder, Messages messages) {
        write(card, folder, messages, "visible");
    }

    /** {@code visibility}: Gradescope's, when the student sees the results (visible, hidden, after_due_date, after_published). */
    public static void write(ScoreCard card, Path folder, Messages messages, String visibility) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(RESULTS), ResultsJson.render(card, messages, visibility).toPrettyString());
            Files.writeString(folder.resolve(PRAIRIELEARN), PrairieLearnResults.render(card, messages).toPrettyString());
            Files.writeString(folder.resolve(CLASSROOM), ClassroomResults.render(card, messages).toPrettyString());
            Files.write(folder.resolve(ANNOTATIONS), ClassroomResults.annotations(card, messages));
            card.pictures().forEach(picture -> picture.drawing().writePng(messages, folder.resolve(picture.file())));
            Files.writeString(folder.resolve(SCORE), ScoreMarkdown.render(card, messages));
            Files.writeString(folder.resolve(CARD), ConsoleCard.render(card, messages) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
