package obsgrader;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import obsgrader.batch.BatchGrader;
import obsgrader.batch.Row;
import obsgrader.grading.Settings;
import obsgrader.report.ScoreCard;
import obsgrader.rubric.RubricLoader;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The batch front end behind {@code mvn verify -Dsubmissions=DIR}: grades the class (in parallel, resumable),
 * then reports one test per student: passed, failed with the points, or not gradable with the reason.
 */
@DisplayName("TechShop observability lab, a class")
class GradeBatchIT {
    @TestFactory
    Stream<DynamicTest> students() throws InterruptedException {
        Settings settings = Settings.fromSystemProperties();
        Path submissions = Path.of(System.getProperty("submissions")).toAbsolutePath();
        Path reports = settings.reports().resolve(System.getProperty("grader.batch", submissions.getFileName().toString()));
        BatchGrader batch = BatchGrader.of(submissions)
                .withReportsTo(reports)
                .withRubric(settings.loadRubric())
                .withMode(settings.mode())
                .withRegrade(Boolean.getBoolean("grader.regrade"));
        if (System.getProperty("grader.parallel") != null) {
            batch.withParallelism(Integer.getInteger("grader.parallel"));
        }
        System.out.println("[batch] grading " + submissions + " " + batch.parallelism() + " at a time into " + reports);
        List<Row> rows = batch.run();
        System.out.println("[batch] gradebook: " + reports.resolve("gradebook.csv") + ", summary: " + reports.resolve("index.html"));
        return rows.stream().map(row -> dynamicTest(row.student(), () -> {
            if (!row.gradable()) {
                Assertions.fail("not gradable: " + row.reason());
            }
            if (!row.passed()) {
                Assertions.fail(ScoreCard.format(row.total()) + " points, below the pass mark; lost: " + row.lostChecks());
            }
        }));
    }
}
