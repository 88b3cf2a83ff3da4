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
import obsgrader.grading.Grading;
import obsgrader.grading.Mode;
import obsgrader.grading.RunSettings;
import obsgrader.report.ReportWriter;
import obsgrader.report.ScoreCard;
import obsgrader.review.Overrides;
import obsgrader.rubric.Rubric;
import obsgrader.similarity.Similarity;
import obsgrader.similarity.SimilarityPage;
import obsgrader.submission.Submission;

/**
 * A class graded at a time: every student of a batch folder in an isolated stack, each into {@code <reports>/<student>/}
 * like a single run, then a gradebook and a class summary. As many stacks as memory allows are graded at once, but
 * the work whose timings are graded (the build and boot, the load, the burst) takes turns at a {@link ClassGate},
 * {@code parallelism} at a time: a student's points are those of a grading alone, while the phases that only wait
 * (an alert's {@code for}, a scrape, a resolve) overlap. One student's failure, even the grader's own, never stops
 * the batch; a batch interrupted half-way resumes where it stopped unless told to regrade (every student, or some).
 * The teacher's overrides are applied to each student's card as it is graded; a kept report graded with other
 * overrides than today's is graded again.
 */
public final class BatchGrader {
    /**
     * A lab stack's memory while it is graded, with room to spare: the reference's twelve containers peaked at 190 MiB
     * through a whole grading ({@code docker stats}, Grafana left out offline; it adds a few hundred), a student's
     * extras (Loki, cAdvisor) more.
     */
    static final long MEMORY_PER_STACK = 1L << 30;
    /** What the machine keeps for itself, the grader's JVM and the builds. */
    private static final long MEMORY_KEPT = 4L << 30;
    /** Stacks per turn: enough for the turns never to wait for a stack, few enough for the waiting ones to be quiet. */
    private static final int STACKS_PER_TURN = 4;

    private final Path batch;
    private Path reports;
    private Rubric rubric;
    private Mode mode = Mode.FULL;
    private RunSettings settings = RunSettings.defaults();
    private int parallelism = defaultParallelism();
    private int stacks = 0;
    private Regrade regrade = Regrade.NONE;
    private Overrides overrides = Overrides.none();
    private double similarityThreshold = Similarity.DEFAULT_THRESHOLD;
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

    /** The settings read at the edge, handed to each student's run. */
    public BatchGrader withSettings(RunSettings settings) {
        this.settings = settings;
        return this;
    }

    /** How many measured phases (builds and boots, load phases, bursts) run at once across the class. */
    public BatchGrader withParallelism(int parallelism) {
        this.parallelism = Math.max(1, parallelism);
        return this;
    }

    /** How many students' stacks are up at once (0: as memory allows, {@link #defaultStacks}); 1 grades one at a time. */
    public BatchGrader withStacks(int stacks) {
        this.stacks = Math.max(0, stacks);
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
        return withRegrade(regrade ? Regrade.ALL : Regrade.NONE);
    }

    /** Which students to grade again although their report is there (the others are kept). */
    public BatchGrader withRegrade(Regrade regrade) {
        this.regrade = regrade;
        return this;
    }

    /** Pairs of students this alike or more are listed on the class page (1 or more: none). */
    public BatchGrader withSimilarityThreshold(double threshold) {
        this.similarityThreshold = threshold;
        return this;
    }

    /** The teacher's overrides, checked against the class before anything is graded. */
    public BatchGrader withOverrides(Overrides overrides) {
        this.overrides = overrides;
        return this;
    }

    /** The measured work is CPU-bound: one at a time per two cores. */
    public static int defaultParallelism() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }

    /** Stacks up at once: as many as memory holds, at most {@value #STACKS_PER_TURN} per turn. */
    public static int defaultStacks(int parallelism) {
        long memory = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        return (int) Math.max(1, Math.min((long) STACKS_PER_TURN * parallelism, (memory - MEMORY_KEPT) / MEMORY_PER_STACK));
    }

    public int parallelism() {
        return parallelism;
    }

    public int stacks() {
        return stacks > 0 ? stacks : defaultStacks(parallelism);
    }

    /**
     * Grades the class and writes gradebook.csv and index.html; returns the gradebook's rows. A shard writes its
     * {@code shard-I-of-N.json} instead: shards may share one output folder, and the merge writes the gradebook.
     */
    public List<Row> run() throws InterruptedException {
        List<String> everyone = Student.names(batch, reports.resolve(".unpacked"));
        overrides.forClass(everyone);
        regrade.within(everyone);
        List<Student> students = Student.in(batch, reports.resolve(".unpacked"), shard::owns);
        ClassProgress progress = new ClassProgress(students.size(), System.out);
        ClassGate gate = new ClassGate(parallelism, progress);
        ExecutorService pool = Executors.newFixedThreadPool(stacks());
        List<Future<Row>> rows = new ArrayList<>();
        try {
            students.forEach(student -> rows.add(pool.submit(() -> grade(student, progress, gate))));
            List<Row> gradebook = new ArrayList<>();
            for (int i = 0; i < students.size(); i++) {
                try {
                    gradebook.add(rows.get(i).get());
                } catch (ExecutionException e) {
                    gradebook.add(Row.notGradable(students.get(i).name(), "grader error: " + e.getCause(), 0));
                }
            }
            staleOverrides(gradebook);
            if (shard.sharded()) {
                new ShardResults(shard.index(), shard.count(), rubric.version(), gradebook).write(reports.resolve(shard.resultsFile()));
                return gradebook;
            }
            return writeClassFiles(gradebook, rubric, reports, exports, similar(students, rubric, reports, similarityThreshold));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Says which overrides no longer match the grader's verdict: the teacher reviews them. */
    static void staleOverrides(List<Row> rows) {
        rows.forEach(row -> row.overrides().stream().filter(Row.Audit::stale).forEach(o -> System.out.printf(
                "[batch] %-20s override of %s no longer matches the grader's verdict (now %s): review it%n", row.student(),
                o.check(), o.graderNotAssessed() ? "not assessed" : ScoreCard.format(o.graderPoints()))));
    }

    static List<Row> writeClassFiles(List<Row> rows, Rubric rubric, Path folder) {
        return writeClassFiles(rows, rubric, folder, Gradebook.Exports.DEFAULT, List.of());
    }

    /** With the pairs of students whose work is alike (a merge that could read the submissions). */
    static List<Row> writeClassFiles(List<Row> rows, Rubric rubric, Path folder, List<Similarity.Pair> similar) {
        return writeClassFiles(rows, rubric, folder, Gradebook.Exports.DEFAULT, similar);
    }

    /**
     * The gradebooks (plain, Moodle's worksheet, Canvas's import) and index.html of a class, its rows in the
     * students' order whichever order they were graded in, the pairs whose work is alike listed.
     */
    static List<Row> writeClassFiles(List<Row> rows, Rubric rubric, Path folder, Gradebook.Exports exports,
                                     List<Similarity.Pair> similar) {
        List<Row> sorted = rows.stream().sorted(Comparator.comparing(Row::student)).toList();
        Gradebook.writeAll(GradebookLine.of(sorted, folder), rubric, folder, exports);
        ClassSummary.write(sorted, rubric, folder.resolve("index.html"), similar);
        return sorted;
    }

    /**
     * Compares the students' own work (every student of the class: a resumed one too) and writes similarity.html;
     * returns the pairs at or above the threshold. A submission that cannot be read is left out of the comparison.
     */
    public static List<Similarity.Pair> similar(List<Student> students, Rubric rubric, Path folder, double threshold) {
        Similarity similarity = new Similarity(List.of());
        List<Similarity.Profile> profiles = new ArrayList<>();
        for (Student student : students) {
            try {
                profiles.add(similarity.profile(student.name(), Submission.load(student.submission())));
            } catch (RuntimeException unreadable) {
                System.out.printf("[batch] %-20s left out of the similarity comparison: %s%n", student.name(), unreadable.getMessage());
            }
        }
        List<Similarity.Pair> flagged = SimilarityPage.atOrAbove(similarity.compare(profiles), threshold);
        SimilarityPage.write(flagged, threshold, rubric.messages(), folder.resolve(SimilarityPage.FILE));
        flagged.forEach(pair -> System.out.printf("[batch] similar work: %s and %s, %d %%%n", pair.left(), pair.right(),
                SimilarityPage.percent(pair.score())));
        return flagged;
    }

    private Row grade(Student student, ClassProgress progress, ClassGate gate) {
        Path folder = reports.resolve(student.name());
        Path results = folder.resolve(ReportWriter.RESULTS);
        student.identity().write(folder);
        if (!regrade.includes(student.name()) && Files.isRegularFile(results)) {
            if (overrides.gradedWith(results, student.name())) {
                Row kept = Row.of(student.name(), results);
                progress.skipped(student, kept);
                return kept;
            }
            // a report is only ever written from a grading: one with other overrides is graded again with these
            System.out.printf("[batch] %-20s has other overrides than its report: graded again%n", student.name());
        }
        Instant started = Instant.now();
        progress.started(student);
        try (Grading grading = new Grading(Submission.load(student.submission(), settings.referenceMaterial()), rubric, mode, folder, settings)
                .withOverrides(overrides, student.name(), Overrides.writtenAgainst(results))
                .withGate(gate.forStudent(student.name()))) {
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
}
