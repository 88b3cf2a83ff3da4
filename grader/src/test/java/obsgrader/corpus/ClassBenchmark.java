package obsgrader.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import obsgrader.GradeTimeBenchmark;
import obsgrader.batch.BatchGrader;
import obsgrader.batch.LinePoints;
import obsgrader.batch.Row;
import obsgrader.rubric.Rubric;
import obsgrader.rubric.RubricLoader;
import obsgrader.submission.Folders;
import org.junit.jupiter.api.Test;

/**
 * A class of {@code -Dclass.size} (default 30) made from the reference and the corpora, from strong to empty, graded
 * at the default settings (measured phases taking turns, waiting ones overlapping) and again one at a time
 * ({@code -Dclass.solo=false} skips that). Prints both wall times, each student's points in both (a diff where they
 * differ), the reference's grade time with images cached against its floor ({@link GradeTimeBenchmark}) and the
 * slowest student's time against the reference's. {@code mvn verify -Pbenchmark -Dit.test=ClassBenchmark}, through
 * the live slot. A measurement: nothing is asserted.
 */
class ClassBenchmark {
    private static final Path ROOT = Path.of(System.getProperty("obsgrader.root", "..")).toAbsolutePath().normalize();
    private static final Path REFERENCE = ROOT.resolve("stack");
    private static final Path FLAWED = Path.of("src/test/resources/corpus/flawed");
    private static final Path OUT = Path.of("target", "class-benchmark").toAbsolutePath();
    /** Strong to empty; a class larger than the spread takes it again from the top. */
    private static final List<String> SPREAD = List.of("reference", "instance-down-inverted", "without-rule-files",
            "without-slo-rules", "without-dashboards", "empty-folder", "live-defects", "error-rate-window-15s",
            "stack-crashes", "scrape-job-missing", "no-readme", "alert-fires-when-healthy", "no-compose-file");
    /** How a kind of the spread that is no corpus case is made from the reference: the paths it lacks. */
    private static final Map<String, List<String>> WITHOUT = Map.of(
            "without-rule-files", List.of("prometheus/rules", "prometheus/tests"),
            "without-slo-rules", List.of("prometheus/rules/slo.yml", "prometheus/tests/slo_test.yml"),
            "without-dashboards", List.of("grafana/dashboards/techshop.json"));

    @Test
    void aClassScheduledAgainstOneAtATime() throws Exception {
        int size = Integer.getInteger("class.size", 30);
        boolean solo = Boolean.parseBoolean(System.getProperty("class.solo", "true"));
        Rubric rubric = RubricLoader.load(ROOT.resolve("grader/src/main/resources/obsgrader/rubric.yml"));
        Folders.delete(OUT);
        Path submissions = Files.createDirectories(OUT.resolve("class"));
        for (int i = 0; i < size; i++) {
            String kind = SPREAD.get(i % SPREAD.size());
            write(kind, submissions.resolve(String.format(Locale.ROOT, "%02d-%s", i + 1, kind)));
        }

        BatchGrader scheduled = BatchGrader.of(submissions).withReportsTo(OUT.resolve("scheduled")).withRubric(rubric);
        String settings = scheduled.stacks() + " stacks up at once, " + scheduled.parallelism() + " measured phase(s) at a time";
        Graded atDefaults = Graded.by(scheduled, OUT.resolve("scheduled"));
        // the class has built the images: the reference is timed with them cached, before the longest run
        GradeTimeBenchmark.Measurement reference = GradeTimeBenchmark.measure(ROOT, REFERENCE, OUT.resolve("reference"));
        System.out.println(reference.report());
        Graded alone = solo ? Graded.by(BatchGrader.of(submissions).withReportsTo(OUT.resolve("one-at-a-time"))
                .withRubric(rubric).withStacks(1).withParallelism(1), OUT.resolve("one-at-a-time")) : null;

        StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%nA class of %d at the default settings (%s): %s%n",
                size, settings, minutes(atDefaults.took())));
        report.append(alone == null ? "One at a time: not run (-Dclass.solo=false)\n"
                : String.format(Locale.ROOT, "The same class one at a time: %s (%.2f times the scheduled run's)%n",
                minutes(alone.took()), (double) alone.took().toMillis() / atDefaults.took().toMillis()));
        report.append(String.format(Locale.ROOT, "%-28s %9s %9s %8s %8s  %s%n", "student", "points", "alone", "time s", "alone s", "lines"));
        List<String> differences = new ArrayList<>();
        for (Row row : atDefaults.rows()) {
            Row own = alone == null ? null : alone.row(row.student());
            String diff = own == null ? "" : LinePoints.differences(LinePoints.of(atDefaults.reports().resolve(row.student())),
                    LinePoints.of(alone.reports().resolve(row.student())));
            if (!diff.isEmpty()) {
                differences.add(row.student() + " (scheduled ≠ alone):\n" + diff.indent(2));
            }
            report.append(String.format(Locale.ROOT, "%-28s %9.2f %9s %8d %8s  %s%n", row.student(), row.total(),
                    own == null ? "-" : String.format(Locale.ROOT, "%.2f", own.total()), row.seconds(),
                    own == null ? "-" : String.valueOf(own.seconds()), own == null ? "-" : diff.isEmpty() ? "same" : "DIFFERENT"));
        }
        report.append(differences.isEmpty() ? (alone == null ? "" : "Every student's points are the same line by line in both runs.\n")
                : "Lines that differ:\n" + String.join("", differences));
        report.append(String.format(Locale.ROOT, "The reference alone, images cached: %d s against its floor of %d s: %.2f times (goal 1.3)%n",
                reference.took().toSeconds(), reference.floor().toSeconds(), reference.timesTheFloor()));
        Graded timed = alone == null ? atDefaults : alone;
        Row slowest = timed.rows().stream().max(Comparator.comparingLong(Row::seconds)).orElseThrow();
        report.append(String.format(Locale.ROOT, "The slowest student%s: %s, %d s, %.2f times the reference's %d s%n",
                alone == null ? " (in the scheduled run, waits for turns included)" : " (alone)", slowest.student(), slowest.seconds(),
                (double) slowest.seconds() / reference.took().toSeconds(), reference.took().toSeconds()));
        report.append(reference.report());
        System.out.println(report);
        Files.writeString(OUT.resolve("summary.txt"), report);
    }

    /** One grading of the class: its rows, where its reports are, its wall time. */
    private record Graded(List<Row> rows, Path reports, Duration took) {
        static Graded by(BatchGrader batch, Path reports) throws InterruptedException {
            Instant start = Instant.now();
            List<Row> rows = batch.run();
            return new Graded(rows, reports, Duration.between(start, Instant.now()));
        }

        Row row(String student) {
            return rows.stream().collect(Collectors.toMap(Row::student, Function.identity())).get(student);
        }
    }

    private static void write(String kind, Path target) throws IOException {
        if (kind.equals("reference")) {
            Folders.copy(REFERENCE, target);
        } else if (WITHOUT.containsKey(kind)) {
            Folders.copy(REFERENCE, target);
            WITHOUT.get(kind).forEach(path -> Folders.delete(target.resolve(path)));
        } else {
            Path folder = FLAWED.resolve(kind);
            CaseSubmission.write(CorpusCase.load(folder), folder, REFERENCE, target);
        }
    }

    private static String minutes(Duration took) {
        return String.format(Locale.ROOT, "%d min %02d s", took.toMinutes(), took.toSecondsPart());
    }
}
