package obsgrader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import obsgrader.grading.Mode;
import obsgrader.review.Overrides;
import obsgrader.rubric.Rubric;
import obsgrader.rubric.RubricLoader;
import obsgrader.similarity.Similarity;
import obsgrader.submission.Folders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small class graded two at a time ({@code -Dbatch.parallel=N} to compare): the reference under three names
 * (one as a .zip) and one without README. Then the same class in three shards, each graded by a JVM of its
 * own at the same time, and merged: the merge must write the unsharded gradebook (but for the run times,
 * which are measured) and the very same class summary. About 2 minutes more than the batch alone. Then a class whose
 * stacks are up at once, their boots and load phases taking turns, gives each student the points of a grading
 * alone, line by line, on the lines that read the load (about 4 minutes).
 */
class BatchSelfIT {
    private static final int PARALLEL = Integer.getInteger("batch.parallel", 2);
    private static final Path REFERENCE = Path.of(System.getProperty("obsgrader.reference", "../stack"));
    private static final Path QUICK = Path.of("src/test/resources/rubrics/quick.yml");
    /** The boot's lines and the load's, whose verdicts a busy machine could change. */
    private static final Path LOAD = Path.of("src/test/resources/rubrics/load.yml");
    private static final Path REPLICAS = Path.of("src/test/resources/corpus/variants/api-replicas/submission");
    private static final int SHARDS = 3;
    private static final Duration SHARD_DEADLINE = Duration.ofMinutes(15);

    @TempDir
    Path work;

    @Test
    void aClassIsGradedInParallelIntoAGradebook() throws Exception {
        Path submissions = Files.createDirectories(work.resolve("class"));
        Folders.copy(REFERENCE, submissions.resolve("alice"));
        Folders.copy(REFERENCE, submissions.resolve("bob"));
        zip(REFERENCE, submissions.resolve("carol.zip"));
        Folders.copy(REFERENCE, submissions.resolve("dave"));
        Files.delete(submissions.resolve("dave/README.md"));
        Files.delete(submissions.resolve("dave/app/README.md"));
        Path reports = work.resolve("reports");

        Instant start = Instant.now();
        List<Row> rows = BatchGrader.of(submissions).withReportsTo(reports).withParallelism(PARALLEL).withMode(Mode.FULL)
                .withRubric(RubricLoader.load(QUICK)).run();
        System.out.println("batch of 4, " + PARALLEL + " at a time: " + Duration.between(start, Instant.now()).toSeconds() + " s");

        assertThat(rows).extracting(Row::student).containsExactly("alice", "bob", "carol", "dave");
        assertThat(rows).filteredOn(r -> !r.student().equals("dave"))
                .allSatisfy(r -> assertThat(r.total()).as(r.student() + ": " + r.lostChecks() + " " + r.reason()).isEqualTo(17));
        assertThat(rows.get(3).total()).isEqualTo(14);
        assertThat(rows.get(3).lostChecks()).containsExactly("docs.readme");
        assertThat(Files.readAllLines(reports.resolve("gradebook.csv"))).hasSize(5)
                .anySatisfy(line -> assertThat(line).startsWith("dave,14,0,0,14,no,yes,"));
        assertThat(reports.resolve("index.html")).content().contains("4 submissions, 4 graded, 3 passed")
                .contains("<td>alice · bob</td><td>100 %</td>");
        assertThat(reports.resolve("carol/results.json")).exists();

        List<Row> resumed = BatchGrader.of(submissions).withReportsTo(reports).withParallelism(PARALLEL)
                .withRubric(RubricLoader.load(QUICK)).run();
        assertThat(resumed).usingRecursiveComparison().isEqualTo(rows);

        Path shards = work.resolve("shards");
        Instant sharding = Instant.now();
        List<Process> processes = new ArrayList<>();
        for (int i = 1; i <= SHARDS; i++) {
            processes.add(shardProcess(submissions, shards.resolve("shard-" + i), i + "/" + SHARDS));
        }
        for (Process process : processes) {
            assertThat(process.waitFor(SHARD_DEADLINE.toMinutes(), TimeUnit.MINUTES)).as("a shard finished in time").isTrue();
            assertThat(process.exitValue()).isZero();
        }
        Path merged = work.resolve("merged");
        // given the submissions (-Dsubmissions beside -Dgrader.merge), the merge lists the alike pairs as the batch did
        Rubric quick = RubricLoader.load(QUICK);
        List<Row> mergedRows = ClassMerge.merge(List.of(shards), quick, Overrides.none(), BatchGrader.similar(
                Student.in(submissions, work.resolve("unpacked")), quick, merged, Similarity.DEFAULT_THRESHOLD), merged);
        System.out.println("the class in " + SHARDS + " shards at once, then merged: " + Duration.between(sharding, Instant.now()).toSeconds() + " s");

        assertThat(mergedRows).extracting(Row::student).containsExactly("alice", "bob", "carol", "dave");
        assertThat(withoutRunTimes(merged.resolve("gradebook.csv"))).isEqualTo(withoutRunTimes(reports.resolve("gradebook.csv")));
        assertThat(merged.resolve("index.html")).hasSameTextualContentAs(reports.resolve("index.html"));
        assertThat(merged.resolve("carol/results.json")).exists();
    }

    @Test
    void aStudentsPointsInAScheduledClassAreThoseOfAGradingAlone() throws Exception {
        Path submissions = Files.createDirectories(work.resolve("class"));
        Folders.copy(REFERENCE, submissions.resolve("alice"));
        Folders.copy(REPLICAS, submissions.resolve("erin"));
        Rubric load = RubricLoader.load(LOAD);

        Instant start = Instant.now();
        List<Row> together = BatchGrader.of(submissions).withReportsTo(work.resolve("together")).withRubric(load)
                .withStacks(2).withParallelism(1).run();
        System.out.println("two stacks up at once, one measured phase at a time: " + Duration.between(start, Instant.now()).toSeconds() + " s");
        List<Row> alone = BatchGrader.of(submissions).withReportsTo(work.resolve("alone")).withRubric(load)
                .withStacks(1).withParallelism(1).run();

        assertThat(together).extracting(Row::gradable).containsOnly(true);
        // the reference's load lines are judged, not left unassessed: the comparison is on real verdicts
        assertThat(LinePoints.of(work.resolve("together").resolve("alice"))).containsKeys("metrics.requests-match-load",
                "metrics.latency-histogram", "slo.recording-rules").doesNotContainValue("not assessed");
        for (String student : List.of("alice", "erin")) {
            Map<String, String> scheduled = LinePoints.of(work.resolve("together").resolve(student));
            assertThat(LinePoints.differences(scheduled, LinePoints.of(work.resolve("alone").resolve(student))))
                    .as(student + ": scheduled ≠ alone").isEmpty();
        }
        assertThat(together).extracting(Row::total).isEqualTo(alone.stream().map(Row::total).toList());
    }

    /** A JVM grading one shard of the class, its output in the build log. */
    private static Process shardProcess(Path submissions, Path reports, String shard) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(java, "-cp", classpath,
                "-Dobsgrader.root=" + System.getProperty("obsgrader.root", ".."),
                ShardProcess.class.getName(), submissions.toString(), reports.toString(), shard, QUICK.toAbsolutePath().toString())
                .inheritIO().start();
    }

    /** The gradebook's lines without the run_time_s column: a measurement, which no two runs share. */
    private static List<String> withoutRunTimes(Path gradebook) throws IOException {
        List<String> lines = Files.readAllLines(gradebook);
        int column = List.of(lines.get(0).split(",")).indexOf("run_time_s");
        return lines.stream().map(line -> {
            List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
            cells.remove(column);
            return String.join(",", cells);
        }).toList();
    }

    private static void zip(Path from, Path archive) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(archive));
             Stream<Path> files = Files.walk(from, FileVisitOption.FOLLOW_LINKS)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                zip.putNextEntry(new ZipEntry("tp-final/" + from.relativize(file)));
                zip.write(Files.readAllBytes(file));
            }
        }
    }
}
