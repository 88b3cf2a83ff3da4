package obsgrader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import obsgrader.checks.Evidence;
import obsgrader.engine.Compose;
import obsgrader.grading.Grading;
import obsgrader.grading.Mode;
import obsgrader.i18n.Messages;
import obsgrader.i18n.Untranslated;
import obsgrader.report.ConsoleCard;
import obsgrader.report.ScoreCard;
import obsgrader.report.ScoreCard.CheckScore;
import obsgrader.rubric.Rubric;
import obsgrader.rubric.RubricLoader;
import obsgrader.submission.Submission;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference solution earns every point that can be assessed on this machine (only Grafana's live checks
 * cannot), and graded twice in a row, each time on a fresh boot, it gets the same points on every check: the
 * checks that could flap (scrape timing, rate windows after a boot, alert timing) wait on conditions. The first
 * boot is Compose v1's, the second Compose v2's (installed in the grader's cache when the machine has none), so
 * the same points also say that both flavours boot, stop, start and tear down the stack alike.
 */
class GradeReferenceSelfIT {
    private static ScoreCard first;
    private static ScoreCard second;

    @BeforeAll
    static void gradeTheReferenceTwiceInARow() {
        Path root = Path.of(System.getProperty("obsgrader.root", "..")).toAbsolutePath().normalize();
        Submission reference = Submission.load(root.resolve("stack"), List.of(root.resolve("sample-api")));
        Rubric rubric = RubricLoader.load(root.resolve("grader/src/main/resources/obsgrader/rubric.yml"));
        first = grade(reference, rubric, Compose.Choice.V1, "selftest-grade-v1");
        second = grade(reference, rubric, Compose.Choice.V2, "selftest-grade-v2");
    }

    private static ScoreCard grade(Submission reference, Rubric rubric, Compose.Choice compose, String runFolder) {
        try (Grading grading = new Grading(reference, rubric, Mode.FULL, Path.of("target", runFolder)).withCompose(compose)) {
            return grading.card();
        }
    }

    @Test
    void theReferenceStackScoresEveryAssessablePoint() {
        assertThat(first.gradable()).as(first.notGradable()).isTrue();
        assertThat(first.criteria()).flatExtracting(ScoreCard.CriterionScore::checks)
                .filteredOn(check -> check.verdict().evidence() != Evidence.NOT_ASSESSED)
                .allSatisfy(check -> assertThat(check.points()).as("%s: %s", check.check(), check.verdict().reason())
                        .isEqualTo(check.max()));
        assertThat(first.criteria()).flatExtracting(ScoreCard.CriterionScore::checks)
                .filteredOn(check -> check.verdict().evidence() == Evidence.NOT_ASSESSED)
                .extracting(CheckScore::check)
                .allMatch(id -> id.contains("grafana"));
        assertThat(first.passed()).isTrue();
    }

    @Test
    void theHeaderSaysWhichComposeAndWhichEngineGraded() {
        assertThat(first.environment().get("compose")).asString().as("first grading's compose").startsWith("Compose 1.").contains("(v1, ");
        assertThat(second.environment().get("compose")).asString().as("second grading's compose").startsWith("Compose 2.").contains("(v2, ");
        assertThat(second.environment().get("engine")).asString().matches("Docker Engine \\d+\\.\\d+.* \\(API 1\\.\\d+\\)");
    }

    /**
     * Every sentence of a live grading, the drills' and the load's included, is a bundle's: the card reads in
     * French as it does in English (the static gradings of the corpus hold the same for the checks' other paths).
     */
    @Test
    void theSecondGradingsCardReadsInFrench() {
        String french = ConsoleCard.render(second, Messages.FRENCH);
        System.out.println(french);

        assertThat(second.checksById().values()).flatExtracting(score -> Untranslated.in(score.check(), score.verdict())).isEmpty();
        assertThat(french).contains("Stack déployée et fonctionnelle").contains("mesuré :")
                .contains("  moteur : Docker Engine ").doesNotContain("stand-in: ", "read-only host mount");
    }

    @Test
    void gradedTwiceInARowItGetsTheSamePointsOnEveryCheck() {
        Map<String, CheckScore> before = first.checksById();

        assertThat(second.checksById().keySet()).isEqualTo(before.keySet());
        assertThat(second.checksById().values()).allSatisfy(score -> assertThat(score.points())
                .as("%s: first \"%s\", then \"%s\"", score.check(), before.get(score.check()).verdict().reason(),
                        score.verdict().reason())
                .isEqualTo(before.get(score.check()).points()));
    }
}
