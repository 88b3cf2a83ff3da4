package obsgrader;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import obsgrader.checks.Evidence;
import obsgrader.grading.Grading;
import obsgrader.grading.Mode;
import obsgrader.report.ScoreCard;
import obsgrader.report.ScoreCard.CheckScore;
import obsgrader.rubric.RubricLoader;
import obsgrader.submission.Submission;
import org.junit.jupiter.api.Test;

/** The reference solution earns every point that can be assessed on this machine; only Grafana's live checks cannot. */
class GradeReferenceSelfIT {
    @Test
    void theReferenceStackScoresEveryAssessablePoint() {
        Path root = Path.of(System.getProperty("obsgrader.root", "..")).toAbsolutePath().normalize();
        ScoreCard card;
        try (Grading grading = new Grading(Submission.load(root.resolve("stack")),
                RubricLoader.load(root.resolve("grader/src/main/resources/obsgrader/rubric.yml")), Mode.FULL,
                Path.of("target", "selftest-grade"))) {
            card = grading.card();
        }

        assertThat(card.gradable()).as(card.notGradable()).isTrue();
        assertThat(card.criteria()).flatExtracting(ScoreCard.CriterionScore::checks)
                .filteredOn(check -> check.verdict().evidence() != Evidence.NOT_ASSESSED)
                .allSatisfy(check -> assertThat(check.points()).as("%s: %s", check.check(), check.verdict().reason())
                        .isEqualTo(check.max()));
        assertThat(card.criteria()).flatExtracting(ScoreCard.CriterionScore::checks)
                .filteredOn(check -> check.verdict().evidence() == Evidence.NOT_ASSESSED)
                .extracting(CheckScore::check)
                .allMatch(id -> id.contains("grafana"));
        assertThat(card.passed()).isTrue();
    }
}
