package obsgrader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import obsgrader.grading.Mode;
import obsgrader.rubric.RubricLoader;
import obsgrader.submission.Folders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small class graded two at a time ({@code -Dbatch.parallel=N} to compare): the reference under three names
 * (one as a .zip) and one without README.
 */
class BatchSelfIT {
    private static final int PARALLEL = Integer.getInteger("batch.parallel", 2);
    private static final Path REFERENCE = Path.of(System.getProperty("obsgrader.reference", "../stack"));

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
                .withRubric(RubricLoader.load(Path.of("src/test/resources/rubrics/quick.yml"))).run();
        System.out.println("batch of 4, " + PARALLEL + " at a time: " + Duration.between(start, Instant.now()).toSeconds() + " s");

        assertThat(rows).extracting(Row::student).containsExactly("alice", "bob", "carol", "dave");
        assertThat(rows).filteredOn(r -> !r.student().equals("dave"))
                .allSatisfy(r -> assertThat(r.total()).as(r.student() + ": " + r.lostChecks() + " " + r.reason()).isEqualTo(17));
        assertThat(rows.get(3).total()).isEqualTo(14);
        assertThat(rows.get(3).lostChecks()).containsExactly("docs.readme");
        assertThat(Files.readAllLines(reports.resolve("gradebook.csv"))).hasSize(5)
                .anySatisfy(line -> assertThat(line).startsWith("dave,14,0,0,14,no,yes,"));
        assertThat(reports.resolve("index.html")).content().contains("4 submissions, 4 graded, 3 passed");
        assertThat(reports.resolve("carol/results.json")).exists();

        List<Row> resumed = BatchGrader.of(submissions).withReportsTo(reports).withParallelism(PARALLEL)
                .withRubric(RubricLoader.load(Path.of("src/test/resources/rubrics/quick.yml"))).run();
        assertThat(resumed).usingRecursiveComparison().isEqualTo(rows);
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
