package obsgrader;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import obsgrader.batch.BatchGrader;
import obsgrader.batch.ClassMerge;
import obsgrader.batch.CsvDialect;
import obsgrader.batch.Gradebook;
import obsgrader.batch.Regrade;
import obsgrader.batch.Row;
import obsgrader.batch.Student;
import obsgrader.batch.Shard;
import obsgrader.grading.Settings;
import obsgrader.report.ScoreCard;
import obsgrader.review.Overrides;
import obsgrader.similarity.Similarity;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The batch front end behind {@code mvn verify -Dsubmissions=DIR} (with {@code -Dgrader.shard=I/N}, one share
 * of it) and {@code mvn verify -Dgrader.merge=DIR,...}: grades the class (in parallel, resumable) or merges
 * its shards, then reports one test per student: passed, failed with the points, or not gradable with the reason.
 */
@DisplayName("TechShop observability lab, a class")
class GradeBatchIT {
    @TestFactory
    Stream<DynamicTest> students() throws InterruptedException {
        Settings settings = Settings.fromSystemProperties();
        String merge = System.getProperty("grader.merge");
        List<Row> rows = merge == null ? grade(settings) : merge(settings, merge);
        return rows.stream().map(row -> dynamicTest(row.student(), () -> {
            if (!row.gradable()) {
                Assertions.fail("not gradable: " + row.reason());
            }
            if (!row.passed()) {
                Assertions.fail(ScoreCard.format(row.total()) + " points, below the pass mark; lost: " + row.lostChecks());
            }
        }));
    }

    private static List<Row> grade(Settings settings) throws InterruptedException {
        Path submissions = Path.of(System.getProperty("submissions")).toAbsolutePath();
        Path reports = settings.reports().resolve(System.getProperty("grader.batch", submissions.getFileName().toString()));
        Shard shard = Shard.parse(System.getProperty("grader.shard"));
        BatchGrader batch = BatchGrader.of(submissions)
                .withReportsTo(reports)
                .withRubric(settings.loadRubric())
                .withMode(settings.mode())
                .withSettings(settings.run())
                .withShard(shard)
                .withRegrade(Regrade.parse(System.getProperty("grader.regrade")))
                .withExports(new Gradebook.Exports(CsvDialect.parse(System.getProperty("grader.csv")),
                        System.getProperty("grader.canvas-assignment", Gradebook.Exports.DEFAULT.canvasAssignment())))
                .withOverrides(Overrides.loadIfPresent(overridesFile(submissions.resolve(Overrides.FILE)), settings.loadRubric()))
                .withSimilarityThreshold(similarityThreshold());
        if (System.getProperty("grader.parallel") != null) {
            batch.withParallelism(Integer.getInteger("grader.parallel"));
        }
        if (System.getProperty("grader.stacks") != null) {
            batch.withStacks(Integer.getInteger("grader.stacks"));
        }
        System.out.println("[batch] grading " + submissions + (shard.sharded() ? ", shard " + shard : "") + ", "
                + batch.stacks() + " stacks up at once, " + batch.parallelism() + " measured phase(s) at a time, into " + reports);
        List<Row> rows = batch.run();
        System.out.println(shard.sharded() ? "[batch] shard " + shard + ": " + reports.resolve(shard.resultsFile())
                + " (merge the shards with -Dgrader.merge)"
                : "[batch] gradebook: " + reports.resolve("gradebook.csv") + ", summary: " + reports.resolve("index.html"));
        return rows;
    }

    /** {@code -Dgrader.overrides}, from the project's root, else the class's own {@value Overrides#FILE} (null: none). */
    static Path overridesFile(Path otherwise) {
        String file = System.getProperty("grader.overrides", "").trim();
        return file.isEmpty() ? otherwise
                : Path.of(System.getProperty("obsgrader.root", ".")).toAbsolutePath().resolve(file).normalize();
    }

    /** {@code -Dgrader.similarity}: the class page lists the pairs of students this alike or more (0 to 1). */
    private static double similarityThreshold() {
        return Double.parseDouble(System.getProperty("grader.similarity", String.valueOf(Similarity.DEFAULT_THRESHOLD)));
    }

    /** Relative folders are taken from the project's root, as {@code -Dsubmissions} is. */
    private static List<Row> merge(Settings settings, String folders) {
        Path root = Path.of(System.getProperty("obsgrader.root", ".")).toAbsolutePath();
        List<Path> inputs = Arrays.stream(folders.split(",")).map(String::trim).filter(f -> !f.isEmpty())
                .map(f -> root.resolve(f).normalize()).toList();
        Path into = settings.reports().resolve(System.getProperty("grader.batch", "merged"));
        Path overrides = overridesFile(null);
        // the shards' folders hold reports, not submissions: -Dsubmissions, when given, lets the merge compare them
        String submissions = System.getProperty("submissions", "").trim();
        List<Similarity.Pair> similar = submissions.isEmpty() ? List.of() : BatchGrader.similar(
                Student.in(root.resolve(submissions), into.resolve(".unpacked")), settings.loadRubric(), into, similarityThreshold());
        List<Row> rows = ClassMerge.merge(inputs, settings.loadRubric(), overrides == null ? Overrides.none()
                : Overrides.load(overrides, settings.loadRubric()), similar, into);
        System.out.println("[batch] merged " + inputs + ": gradebook " + into.resolve("gradebook.csv") + ", summary "
                + into.resolve("index.html"));
        return rows;
    }
}
