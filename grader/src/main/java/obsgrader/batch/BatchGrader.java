package obsgrader.batch;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import obsgrader.grading.Grading;
import obsgrader.grading.Mode;
import obsgrader.report.ReportWriter;
import obsgrader.rubric.Rubric;
import obsgrader.submission.Submission;

/**
 * A class graded at a time: every student of a batch folder, N at a time in isolated stacks, each into
 * {@code <reports>/<student>/} like a single run, then a gradebook and a class summary. One student's
 * failure, even the grader's own, never stops the batch; a batch interrupted half-way resumes where it
 * stopped unless told to regrade.
 */
public final class BatchGrader {
    /** A lab stack takes about this much memory while it is graded. */
    private static final long MEMORY_PER_STACK = 6L << 30;

    private final Path batch;
    private Path reports;
    private Rubric rubric;
    private Mode mode = Mode.FULL;
    private int parallelism = defaultParallelism();
    private boolean regrade;
    private Shard shard = Shard.WHOLE;
    private Gradebook.Exports exports = Gradebook.Exports.DEFAULT;

    private BatchGrader(Path batch) {
        this.batch = batch;
    }

    public static BatchGrader of(Path batch) {
        return new BatchGrader(batch);
    }

    public BatchGrader withReportsTo(Path reports) {
        this.reports = reports;
        return this;
    }

    public BatchGrader withRubric(Rubric rubric) {
        this.rubric = rubric;
        return this;
    }

    public BatchGrader withMode(Mode mode) {
        this.mode = mode;
        return this;
    }

    public BatchGrader withParallelism(int parallelism) {
        this.parallelism = Math.max(1, parallelism);
        return this;
    }

    /** Grades this shard's share of the class only, and leaves its rows for {@link ClassMerge} rather than a gradebook. */
    public BatchGrader withShard(Shard shard) {
        this.shard = shard;
        return this;
    }

    /** The gradebooks' dialect and Canvas's assignment column. */
    public BatchGrader withExports(Gradebook.Exports exports) {
        this.exports = exports;
        return this;
    }

    public BatchGrader withRegrade(boolean regrade) {
        this.regrade = regrade;
        return this;
    }

    /** Grading a stack is CPU- and memory-bound: one per two cores, as memory allows. */
    public static int defaultParallelism() {
        long memory = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        int cores = Runtime.getRuntime().availableProcessors();
        return (int) Math.max(1, Math.min(cores / 2, memory / MEMORY_PER_STACK));
    }

    public int parallelism() {
        return parallelism;
    }

    /**
     * Grades the class and writes gradebook.csv and index.html; returns the gradebook's rows. A shard writes its
     * {@code shard-I-of-N.json} instead: shards may share one output folder, and the merge writes the gradebook.
     */
    public List<Row> run() throws InterruptedException {
        List<Student> students = Student.in(batch, reports.resolve(".unpacked"), shard::owns);
        Progress progress = new Progress(students.size());
        ExecutorService pool = Executors.newFixedThreadPool(parallelism);
        List<Future<Row>> rows = new ArrayList<>();
        try {
            students.forEach(student -> rows.add(pool.submit(() -> grade(student, progress))));
            List<Row> gradebook = new ArrayList<>();
            for (int i = 0; i < students.size(); i++) {
                try {
                    gradebook.add(rows.get(i).get());
                } catch (ExecutionException e) {
                    gradebook.add(Row.notGradable(students.get(i).name(), "grader error: " + e.getCause(), 0));
                }
            }
            if (shard.sharded()) {
                new ShardResults(shard.index(), shard.count(), rubric.version(), gradebook).write(reports.resolve(shard.resultsFile()));
                return gradebook;
            }
            return writeClassFiles(gradebook, rubric, reports, exports);
        } finally {
            pool.shutdownNow();
        }
    }

    static List<Row> writeClassFiles(List<Row> rows, Rubric rubric, Path folder) {
        return writeClassFiles(rows, rubric, folder, Gradebook.Exports.DEFAULT);
    }

    /**
     * The gradebooks (plain, Moodle's worksheet, Canvas's import) and index.html of a class, its rows in the
     * students' order whichever order they were graded in.
     */
    static List<Row> writeClassFiles(List<Row> rows, Rubric rubric, Path folder, Gradebook.Exports exports) {
        List<Row> sorted = rows.stream().sorted(Comparator.comparing(Row::student)).toList();
        Gradebook.writeAll(GradebookLine.of(sorted, folder), rubric, folder, exports);
        ClassSummary.write(sorted, rubric, folder.resolve("index.html"));
        return sorted;
    }

    private Row grade(Student student, Progress progress) {
        Path folder = reports.resolve(student.name());
        Path results = folder.resolve(ReportWriter.RESULTS);
        student.identity().write(folder);
        if (!regrade && Files.isRegularFile(results)) {
            Row kept = Row.of(student.name(), results);
            progress.skipped(student, kept);
            return kept;
        }
        Instant started = Instant.now();
        progress.started(student);
        try (Grading grading = new Grading(Submission.load(student.submission()), rubric, mode, folder)) {
            ReportWriter.write(grading.card(), folder, rubric.messages());
            Row row = Row.of(student.name(), results);
            progress.finished(student, row, Duration.between(started, Instant.now()));
            return row;
        } catch (RuntimeException | Error e) {
            Row row = Row.notGradable(student.name(), e.getClass().getSimpleName() + ": " + e.getMessage(),
                    Duration.between(started, Instant.now()).toSeconds());
            progress.finished(student, row, Duration.between(started, Instant.now()));
            return row;
        }
    }

    /** One line a student's start and end, with an estimate of the time left. */
    private static final class Progress {
        private final int total;
        private final Instant start = Instant.now();
        private final AtomicInteger done = new AtomicInteger();
        private final AtomicInteger graded = new AtomicInteger();

        Progress(int total) {
            this.total = total;
        }

        void started(Student student) {
            System.out.printf("[batch] %-20s started%n", student.name());
        }

        void skipped(Student student, Row row) {
            done.incrementAndGet();
            System.out.printf("[batch] %-20s kept from an earlier run: %s%n", student.name(), outcome(row));
        }

        void finished(Student student, Row row, Duration took) {
            int finished = done.incrementAndGet();
            int gradedNow = graded.incrementAndGet();
            Duration elapsed = Duration.between(start, Instant.now());
            // wall time per student graded so far already reflects the parallelism
            long left = (total - finished) * elapsed.toSeconds() / Math.max(1, gradedNow);
            System.out.printf("[batch] %-20s finished in %d s: %s (%d/%d done, about %d min left)%n", student.name(),
                    took.toSeconds(), outcome(row), finished, total, Math.round(left / 60.0));
        }

        private static String outcome(Row row) {
            return row.gradable() ? row.total() + " points" + (row.passed() ? ", passed" : ", failed")
                    : "NOT GRADABLE (" + row.reason() + ")";
        }
    }
}
