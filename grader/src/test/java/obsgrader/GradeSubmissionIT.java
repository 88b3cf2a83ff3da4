package obsgrader;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.qameta.allure.Allure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import obsgrader.checks.Evidence;
import obsgrader.checks.Verdict;
import obsgrader.grading.Grading;
import obsgrader.grading.Settings;
import obsgrader.report.ReportWriter;
import obsgrader.report.ScoreCard;
import obsgrader.report.ScoreCard.CheckScore;
import obsgrader.rubric.RubricLoader;
import obsgrader.submission.Submission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The grading suite behind {@code mvn verify -Dstack=PATH}: one test per rubric line, grouped by criterion.
 * A check that loses points fails with its reason; one not assessed is skipped with its cause. The build
 * itself is gated on the total, after this suite, by {@code FinishGrading}.
 */
@DisplayName("TechShop observability lab")
class GradeSubmissionIT {
    private static Settings settings;
    private static Path latest;
    private static Grading grading;

    @BeforeAll
    static void open() {
        settings = Settings.fromSystemProperties();
        latest = settings.freshLatest();
        grading = new Grading(Submission.load(settings.stack()), RubricLoader.load(settings.rubric()),
                settings.mode(), latest);
    }

    @TestFactory
    @DisplayName("—")
    Stream<DynamicNode> rubric() {
        Map<String, List<Grading.Step>> byCriterion = new LinkedHashMap<>();
        // Drills run last (they disturb the stack): they get a container of their own, after the others.
        grading.steps().forEach(step -> byCriterion.computeIfAbsent(step.criterionTitle()
                + (step.check().drill() ? ": incident drills" : ""), k -> new ArrayList<>()).add(step));
        return byCriterion.entrySet().stream().map(criterion -> dynamicContainer(criterion.getKey(),
                criterion.getValue().stream().map(step -> dynamicTest(step.check().title(), () -> judge(step)))));
    }

    private static void judge(Grading.Step step) {
        Allure.epic(step.criterionTitle());
        Allure.feature(step.check().id());
        CheckScore score = grading.grade(step);
        Verdict verdict = score.verdict();
        verdict.attachments().forEach(a -> Allure.addAttachment(a.name(), "text/plain", a.content(), ".txt"));
        String points = ScoreCard.format(score.points()) + "/" + ScoreCard.format(score.max()) + " points";
        Allure.parameter("points", points);
        Allure.parameter("evidence", verdict.evidence().label());
        Assumptions.assumeTrue(verdict.evidence() != Evidence.NOT_ASSESSED, points + ", " + verdict.reason());
        if (!verdict.full()) {
            String hint = verdict.hint().isEmpty() ? "" : "\nhint: " + verdict.hint();
            Assertions.fail(points + ": " + verdict.reason() + hint);
        }
    }

    @AfterAll
    static void report() {
        if (grading == null) {
            return;
        }
        try {
            ReportWriter.write(grading.card(), latest);
        } finally {
            grading.close();
        }
    }
}
