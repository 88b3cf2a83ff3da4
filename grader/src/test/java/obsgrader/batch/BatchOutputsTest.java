package obsgrader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import obsgrader.report.charts.DistributionChart;
import obsgrader.rubric.Rubric;
import obsgrader.rubric.RubricLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchOutputsTest {
    @TempDir
    Path folder;

    private static final Rubric RUBRIC = RubricLoader.load(Path.of("src/main/resources/obsgrader/rubric.yml"))
            .withLanguage("en");

    private static Row row(String student, double total, boolean passed, List<String> lost) {
        return new Row(student, Map.of("deployed", 20.0, "metrics", total - 20), 2.5, total, passed, true, "", 240, lost);
    }

    @Test
    void theGradebookHasACriterionPerColumnAndQuotesWhatNeedsIt() throws IOException {
        Path csv = folder.resolve("gradebook.csv");

        Gradebook.plain(CsvDialect.RFC).write(GradebookLine.of(List.of(row("alice", 88.5, true, List.of()),
                Row.notGradable("bob, jr", "engine down: \"docker\" missing", 3)), folder), RUBRIC, csv);

        assertThat(Files.readAllLines(csv)).containsExactly(
                "student,deployed,metrics,alerts,dashboard,slo,docs,bonus,total,pass,gradable,run_time_s,note,feedback",
                "alice,20,68.5,0,0,0,0,2.5,88.5,yes,yes,240,,No point lost.",
                "\"bob, jr\",,,,,,,,,no,no,3,\"engine down: \"\"docker\"\" missing\","
                        + "\"Not gradable: engine down: \"\"docker\"\" missing\"");
    }

    @Test
    void theSummaryChartsTheScoresAndRanksTheLostChecks() throws IOException {
        Path html = folder.resolve("index.html");

        ClassSummary.write(List.of(row("alice", 95, true, List.of("alerts.coverage")),
                row("carol", 55, false, List.of("alerts.coverage", "docs.readme")),
                Row.notGradable("dave", "no compose file", 1)), RUBRIC, html);

        String page = Files.readString(html);
        assertThat(page).contains("3 submissions, 2 graded, 1 passed").contains("<img src=\"distribution.png\"")
                .contains("<td>The rules catch the 8 lab incidents (promtool unit tests by meaning), and stay quiet when healthy "
                        + "<code>alerts.coverage</code></td><td>2</td>").contains("href=\"carol/score.md\"")
                .contains("not gradable: no compose file");
        assertThat(folder.resolve(ClassSummary.DISTRIBUTION)).isNotEmptyFile();
    }

    @Test
    void theScoreDistributionCountsEachTotalInItsBinOfTenAndTheMaximumInTheLast() {
        DistributionChart chart = new DistributionChart(List.of(0.0, 9.5, 10.0, 69.9, 70.0, 100.0), 100, 70);

        assertThat(chart.bins()).containsExactly(2, 1, 0, 0, 0, 0, 1, 1, 0, 1);
    }

    @Test
    void studentsAreFoldersAndArchivesAndAnArchiveCannotEscapeItsFolder() throws IOException {
        Files.createDirectories(folder.resolve("class/alice"));
        Files.createDirectories(folder.resolve("class/.git"));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(folder.resolve("class/bob.zip")))) {
            zip.putNextEntry(new ZipEntry("bob-tp/docker-compose.yml"));
            zip.write("services: {}\n".getBytes());
            zip.putNextEntry(new ZipEntry("../../evil.txt"));
            zip.write("x".getBytes());
        }

        List<Student> students = Student.in(folder.resolve("class"), folder.resolve("work"));

        assertThat(students).extracting(Student::name).containsExactly("alice", "bob");
        assertThat(students.get(1).submission().resolve("docker-compose.yml")).exists();
        assertThat(folder.resolve("evil.txt")).doesNotExist();
    }
}
