package obsgrader.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import obsgrader.grading.Grading;
import obsgrader.grading.RunSettings;
import obsgrader.report.ConsoleCard;
import obsgrader.report.ScoreCard;
import obsgrader.rubric.Rubric;
import obsgrader.submission.Submission;
import obsgrader.tools.PromTools;

/** A corpus case graded: its submission written under {@code work/<case>/}, graded, its card kept beside it. */
final class CaseGrading {
    private CaseGrading() {
    }

    static ScoreCard grade(CorpusCase corpusCase, Path corpus, Path reference, Rubric rubric, Path work) {
        Path folder = work.resolve(corpusCase.name());
        Path submission = CaseSubmission.write(corpusCase, corpus.resolve(corpusCase.name()), reference, folder.resolve("submission"));
        ScoreCard card;
        // this JVM's settings, read here at the test's edge (limits, where a missing Compose v2 comes from)
        RunSettings settings = RunSettings.fromSystemProperties();
        try (BusyPorts ports = BusyPorts.hold(corpusCase.busyPorts());
             Grading grading = new Grading(Submission.load(submission), rubric, corpusCase.mode().grading(),
                     folder.resolve("run"), new PromTools(true), settings).withCompose(corpusCase.composeChoice(settings.compose()))) {
            card = grading.card();
        }
        try {
            Files.writeString(folder.resolve("card.txt"), ConsoleCard.render(card));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return card;
    }
}
