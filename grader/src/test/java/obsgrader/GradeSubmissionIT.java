package obsgrader;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.qameta.allure.Allure;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
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
import obsgrader.i18n.Messages;
import obsgrader.report.AllureFiles;
import obsgrader.report.ReportWriter;
import obsgrader.report.ScoreCard;
import obsgrader.report.ScoreCard.CheckScore;
import obsgrader.rubric.Rubric;
import obsgrader.submission.Submission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The grading suite behind {@code mvn verify -Dstack=PATH}: one test per rubric line, grouped by criterion,
 * named in the run's language, then the total. A check that loses points fails with its reason; one not
 * assessed, or a bonus not attempted, is skipped with its cause; a fault of the grader or the machine is
 * "broken". The build itself is gated on the total, after this suite, by {@code FinishGrading}.
 */
@DisplayNameGeneration(GradeSubmissionIT.InTheRunsLanguage.class)
class GradeSubmissionIT {
    private static Settings settings;
    private static Path latest;
    private static Grading grading;
    private static Messages messages;
    private static boolean reported;

    /** The suite's name in the run's language (JUnit XML and the console show it). */
    static final class InTheRunsLanguage extends DisplayNameGenerator.Standard {
        @Override
        public String generateDisplayNameForClass(Class<?> testClass) {
            return Settings.fromSystemProperties().loadRubric().messages().get("report.junit.suite");
        }
    }

    @BeforeAll
    static void open() {
        settings = Settings.fromSystemProperties();
        latest = settings.freshLatest();
        Rubric rubric = settings.loadRubric();
        messages = rubric.messages();
        grading = new Grading(Submission.load(settings.stack()), rubric, settings.mode(), latest);
    }

    @TestFactory
    @DisplayName("—")
    Stream<DynamicNode> rubric() {
        Map<String, List<Grading.Step>> byCriterion = new LinkedHashMap<>();
        // Drills run last (they disturb the stack): they get a container of their own, after the others.
        grading.steps().forEach(step -> {
            String criterion = messages.criterion(step.criterionId(), step.criterionTitle());
            byCriterion.computeIfAbsent(step.check().drill() ? messages.get("report.junit.drills", criterion) : criterion,
                    k -> new ArrayList<>()).add(step);
        });
        Stream<DynamicNode> criteria = byCriterion.entrySet().stream().map(criterion -> dynamicContainer(criterion.getKey(),
                criterion.getValue().stream().map(step -> dynamicTest(messages.title(step.check().id(), step.check().title()),
                        () -> judge(step)))));
        return Stream.concat(criteria, Stream.of(dynamicTest(messages.get("report.allure.total"), GradeSubmissionIT::total)));
    }

    private static void judge(Grading.Step step) {
        Allure.epic(messages.criterion(step.criterionId(), step.criterionTitle()));
        Allure.feature(step.check().id());
        CheckScore score = grading.grade(step);
        Verdict verdict = score.verdict();
        Verdict.Rendered text = verdict.in(messages);
        verdict.attachments().forEach(a -> Allure.addAttachment(a.name(), "text/plain", a.content(), ".txt"));
        verdict.pictures().forEach(picture -> Allure.addAttachment(messages.text(picture.name()), "image/png",
                new ByteArrayInputStream(picture.drawing().png(messages)), ".png"));
        String points = messages.get("report.junit.points", messages.number(score.points()), messages.number(score.max()));
        String title = messages.title(step.check().id(), step.check().title());
        Allure.getLifecycle().updateTestCase(test -> test.setName(title + " (" + points + ")"));
        Allure.parameter("points", points);
        Allure.parameter("evidence", messages.get("report.evidence." + verdict.evidence().label()));
        if (!text.measured().isEmpty()) {
            Allure.parameter("measured", text.measured());
        }
        if (verdict.graderFault()) {
            throw new IllegalStateException(points + ", " + text.reason());
        }
        Assumptions.assumeTrue(verdict.evidence() != Evidence.NOT_ASSESSED, points + ", " + text.reason());
        Assumptions.assumeFalse("bonus".equals(step.criterionId()) && score.points() == 0,
                () -> messages.get("report.junit.bonus-not-attempted", text.reason()));
        if (!verdict.full()) {
            String hint = text.hint().isEmpty() ? "" : "\n" + messages.get("report.card.hint", text.hint());
            Assertions.fail(messages.get("report.junit.lost", messages.number(score.points()), messages.number(score.max()),
                    text.reason()) + hint);
        }
    }

    /** The summary entry: the total, the reports written, the charts and score.md attached; it fails below the pass mark. */
    private static void total() throws IOException {
        ScoreCard card = report();
        // the one total (ScoreCard.total); a run that is not gradable has none, only its reason
        String total = card.gradable() ? messages.get("report.junit.total", messages.number(card.total()),
                messages.number(card.max()), card.outcome(messages)) : messages.get("report.junit.not-gradable", card.notGradable());
        Allure.epic(messages.get("report.allure.total"));
        Allure.getLifecycle().updateTestCase(test -> test.setName(total));
        Allure.addAttachment("score.md", "text/markdown", Files.readString(latest.resolve(ReportWriter.SCORE)), ".md");
        card.pictures().forEach(picture -> Allure.addAttachment(messages.text(picture.name()), "image/png",
                new ByteArrayInputStream(picture.drawing().png(messages)), ".png"));
        if (!card.gradable()) {
            throw new IllegalStateException(total);
        }
        Assumptions.assumeTrue(card.passed() || !"static".equals(card.mode()), total);
        Assertions.assertTrue(card.passed(), total);
    }

    private static synchronized ScoreCard report() {
        ScoreCard card = grading.card();
        ReportWriter.write(card, latest, messages);
        AllureFiles.write(card, messages, Path.of(System.getProperty("allure.results.directory", latest.resolve("allure-results").toString())));
        reported = true;
        return card;
    }

    @AfterAll
    static void close() {
        if (grading == null) {
            return;
        }
        try {
            if (!reported) {
                report();
            }
        } finally {
            grading.close();
        }
    }
}
