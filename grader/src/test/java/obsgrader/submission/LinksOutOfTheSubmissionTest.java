package obsgrader.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import obsgrader.checks.Fixture;
import obsgrader.grading.Grading;
import obsgrader.grading.Mode;
import obsgrader.report.ReportWriter;
import obsgrader.rubric.Rubric;
import obsgrader.rubric.RubricLoader;
import obsgrader.tools.PromTools;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A submission whose files are links to the grading machine's files (its prometheus.yml, its SLO document, a rule
 * file, a folder) is graded on its own files only: a canary planted beside it appears nowhere in what the grading
 * writes, and the report says which links were not read.
 */
class LinksOutOfTheSubmissionTest {
    private static final String CANARY = "obsgrader-canary-links-5d1e";

    @TempDir
    Path machine;

    @Test
    void linksLeadingOutOfTheFolderAreNeverRead() throws IOException {
        Path secrets = Files.createDirectories(machine.resolve("secrets"));
        Files.writeString(secrets.resolve("config.yml"), """
                global: {scrape_interval: 5s}
                scrape_configs:
                  - job_name: %s
                    static_configs: [{targets: ['%s:9100']}]
                """.formatted(CANARY, CANARY));
        Files.writeString(secrets.resolve("notes.md"), "# SLO\nDisponibilité 99,5 % " + CANARY + "\n");
        Path student = machine.resolve("student");
        Folders.copy(Fixture.reference(), student);
        link(student.resolve("prometheus/prometheus.yml"), secrets.resolve("config.yml"));
        link(student.resolve("SLO.md"), secrets.resolve("notes.md"));
        link(student.resolve("prometheus/rules/extra.yml"), secrets.resolve("config.yml"));
        Files.createSymbolicLink(student.resolve("docs-from-machine"), secrets);

        Submission submission = Submission.load(student);
        assertThat(submission.linksOut()).contains(Path.of("prometheus/prometheus.yml"), Path.of("SLO.md"),
                Path.of("docs-from-machine/notes.md"));
        assertThat(submission.files()).noneMatch(file -> file.endsWith("SLO.md") || file.startsWith(student.resolve("docs-from-machine")));
        assertThat(submission.parse(secrets.resolve("config.yml")).ok()).isFalse();

        Path reports = machine.resolve("reports");
        Rubric rubric = RubricLoader.load(Fixture.reference().resolve("../grader/src/main/resources/obsgrader/rubric.yml"));
        try (Grading grading = new Grading(submission, rubric, Mode.STATIC, reports, new PromTools(false))) {
            ReportWriter.write(grading.card(), reports, rubric.messages());
        }

        assertThat(written(reports)).isNotEmpty().allSatisfy(file ->
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(CANARY));
        assertThat(Files.readString(reports.resolve("score.md"))).contains("prometheus/prometheus.yml", "SLO.md");
    }

    private static void link(Path file, Path target) throws IOException {
        Files.deleteIfExists(file);
        Files.createSymbolicLink(file, target);
    }

    private static List<Path> written(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(file -> !file.toString().endsWith(".png")).toList();
        }
    }
}
