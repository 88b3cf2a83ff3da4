package obsgrader.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import obsgrader.report.ScoreCard;
import obsgrader.rubric.Rubric;
import obsgrader.rubric.RubricLoader;
import org.junit.jupiter.api.Test;

/**
 * Two different submissions graded at the same time in one JVM, as {@code -Dgrader.parallel=2} does, with the
 * full rubric: both load phases, both bursts and every drill overlap. Each must get exactly the score it gets
 * alone. Rather than grade them alone again (ten more minutes of CI), each is held against what the suites
 * that grade it alone assert, which fixes its every check: the reference must get every assessable point
 * (what {@code GradeReferenceSelfIT} asserts, twice in a row, of the reference graded alone), and
 * {@code live-defects} must lose exactly what its case.yml says and get the reference's points everywhere
 * else (what {@code FlawedCorpusSelfIT} asserts of it graded alone). A score that moved because one run's
 * load, burst, stop signal or settings reached the other fails one of those. Costs about 7 minutes: two boots
 * side by side, the reference's being the longer.
 */
class TwoSubmissionsAtOnceSelfIT {
    private static final Path CORPUS = Path.of("src/test/resources/corpus/flawed");
    private static final Path WORK = Path.of("target", "corpus", "at-once");

    @Test
    void eachOfTwoSubmissionsGradedAtOnceGetsWhatItGetsAlone() {
        Path root = Path.of(System.getProperty("obsgrader.root", "..")).toAbsolutePath().normalize();
        Path reference = root.resolve("stack");
        Rubric rubric = RubricLoader.load(root.resolve("grader/src/main/resources/obsgrader/rubric.yml"))
                .withLanguage("en"); // their cards and oracles are English; the lab's default is French
        ScoreCard baseline = CaseGrading.grade(CorpusCase.reference(), CORPUS, reference, rubric, WORK.resolve("static"));
        CorpusCase referenceLive = CorpusCase.reference(CorpusCase.CaseMode.LIVE);
        CorpusCase liveDefects = CorpusCase.load(CORPUS.resolve("live-defects"));

        Instant start = Instant.now();
        List<CompletableFuture<ScoreCard>> runs = List.of(referenceLive, liveDefects).stream()
                .map(graded -> CompletableFuture.supplyAsync(() -> CaseGrading.grade(graded, CORPUS, reference, rubric, WORK)))
                .toList();
        ScoreCard referenceCard = runs.get(0).join();
        ScoreCard defectsCard = runs.get(1).join();
        System.out.printf("two submissions at once: %d s (reference %d s, live-defects %d s)%n",
                Duration.between(start, Instant.now()).toSeconds(), referenceCard.duration().toSeconds(),
                defectsCard.duration().toSeconds());

        for (var graded : List.of(new Graded(referenceLive, referenceCard), new Graded(liveDefects, defectsCard))) {
            List<ExpectedOutcome.Difference> differences =
                    new ExpectedOutcome(graded.corpusCase(), baseline.checksById()).differences(graded.card());
            assertThat(differences).withFailMessage(() -> ExpectedOutcome.render(graded.corpusCase(), differences)).isEmpty();
        }
        assertThat(referenceCard.passed()).isTrue();
        assertThat(defectsCard.points()).isLessThan(referenceCard.points());
    }

    private record Graded(CorpusCase corpusCase, ScoreCard card) {
    }
}
