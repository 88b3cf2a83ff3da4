package obsgrader.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import obsgrader.batch.BatchGrader;
import obsgrader.batch.Regrade;
import obsgrader.batch.Row;
import obsgrader.grading.Mode;
import obsgrader.report.ReportWriter;
import obsgrader.rubric.Rubric;
import obsgrader.rubric.RubricLoader;
import obsgrader.submission.Folders;
import obsgrader.submission.Yaml;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small class graded for real (the reference twice, the quick rubric, static mode: no engine) with a teacher's
 * overrides file: every output shows the override beside the grader's verdict, the gradebook keeps the audit, a
 * stale override is said, a bad entry is refused with its line, and a one-student regrade keeps the others.
 */
class OverridesTest {
    private static final Rubric QUICK = RubricLoader.load(Path.of("src/test/resources/rubrics/quick.yml"));
    private static final String HEADER = "student,line,points,reason,who,when\n";

    @TempDir
    Path folder;
    private Path classFolder;
    private Path reports;

    @BeforeEach
    void aClassOfTwo() {
        classFolder = folder.resolve("class");
        reports = folder.resolve("reports");
        Folders.copy(Path.of("../stack"), classFolder.resolve("alice"));
        Folders.copy(Path.of("../stack"), classFolder.resolve("bob"));
    }

    private Path overrides(String entries) throws IOException {
        return Files.writeString(classFolder.resolve(Overrides.FILE), HEADER + entries);
    }

    private List<Row> grade(Regrade regrade) throws InterruptedException {
        return BatchGrader.of(classFolder).withReportsTo(reports).withRubric(QUICK).withMode(Mode.STATIC).withParallelism(2)
                .withRegrade(regrade)
                .withOverrides(Overrides.loadIfPresent(classFolder.resolve(Overrides.FILE), QUICK)).run();
    }

    @Test
    void everyOutputShowsTheTeachersPointsBesideTheGradersAndTheGradebookKeepsTheAudit() throws Exception {
        overrides("""
                # running services cannot be seen in static mode: checked by hand in class
                alice,deployed.services-running,not assessed -> 6,"Seen running in class, docker ps",J. Martin,2026-12-07
                "bob",docs.readme,2 -> 1,README copied from a classmate,J. Martin,2026-12-07
                """);

        List<Row> rows = grade(Regrade.NONE);

        Path alice = reports.resolve("alice");
        assertThat(Files.readString(alice.resolve(ReportWriter.CARD)))
                .contains("set   Every service is running, none restarting or exited         6/6")
                .contains("set by J. Martin on 2026-12-07: 6/6 in place of the grader's not assessed (Seen running in class, docker ps)")
                .contains("grader: not assessed");
        assertThat(Files.readString(alice.resolve(ReportWriter.SCORE)))
                .contains("| ✍️ |").contains("**Teacher's override**: set by J. Martin on 2026-12-07: 6/6");
        JsonNode results = Yaml.JSON.readTree(alice.resolve(ReportWriter.RESULTS).toFile());
        JsonNode running = test(results, "deployed.services-running");
        assertThat(running.path("score").asDouble()).isEqualTo(6);
        assertThat(running.path("output").asText()).startsWith("set by J. Martin").contains("\ngrader: not assessed");
        assertThat(running.path("extra_data").path("override").path("grader_evidence").asText()).isEqualTo("not-assessed");
        assertThat(results.path("extra_data").path("overrides").get(0).path("source").asText()).endsWith("overrides.csv:3");
        Row aliceRow = rows.stream().filter(r -> r.student().equals("alice")).findFirst().orElseThrow();
        Row bobRow = rows.stream().filter(r -> r.student().equals("bob")).findFirst().orElseThrow();
        // the reference earns the quick rubric's static lines (compose 4, README 3): alice 7 + 6 overridden, bob 7 - 2
        assertThat(aliceRow.total()).isEqualTo(13);
        assertThat(bobRow.total()).isEqualTo(5);

        // the grader now gives the README 3, not the 2 the teacher wrote against: kept, and said to be stale
        JsonNode readme = test(Yaml.JSON.readTree(reports.resolve("bob").resolve(ReportWriter.RESULTS).toFile()), "docs.readme");
        assertThat(readme.path("score").asDouble()).isEqualTo(1);
        assertThat(readme.path("output").asText()).contains("no longer matches the grader's verdict: it was written against 2, the grader now gives 3");
        assertThat(Files.readString(reports.resolve("bob").resolve(ReportWriter.CARD))).contains("no longer matches");

        List<String> gradebook = Files.readAllLines(reports.resolve("gradebook.csv"));
        assertThat(gradebook.get(0)).endsWith(",note,feedback,overrides");
        assertThat(gradebook.get(1)).startsWith("alice,").endsWith(
                ",\"deployed.services-running: not assessed -> 6 (J. Martin, 2026-12-07: Seen running in class, docker ps)\"");
        assertThat(gradebook.get(2)).startsWith("bob,").endsWith(
                ",\"docs.readme: 3 -> 1 (J. Martin, 2026-12-07: README copied from a classmate) STALE: the grader's verdict changed\"");
        assertThat(Files.readString(reports.resolve("index.html"))).contains("<h2>Teacher's overrides</h2>")
                .contains("<td>alice</td><td>Every service is running").contains("<td>6</td><td>not assessed</td><td>Seen running in class, docker ps</td>")
                .contains("<td class=\"fail\">no</td>")
                // two copies of the reference: the class page says their work is alike
                .contains("<td>alice · bob</td><td>100 %</td>").contains("href=\"similarity.html#alice--bob\"");
        assertThat(Files.readString(reports.resolve("similarity.html"))).contains("alice and bob: 100 %");
    }

    private static JsonNode test(JsonNode results, String check) {
        for (JsonNode test : results.path("tests")) {
            if (test.path("extra_data").path("check").asText().equals(check)) {
                return test;
            }
        }
        throw new AssertionError(check + " not in results.json");
    }

    @Test
    void anEntryNamingAStudentOrALineThatDoesNotExistIsRefusedWithItsLineBeforeAnythingIsGraded() throws IOException {
        Path file = overrides("""
                alice,docs.readme,3,fine,J. Martin,2026-12-07
                zoe,docs.readme,3,no such student,J. Martin,2026-12-07
                bob,docs.spelling,1,no such line,J. Martin,2026-12-07
                bob,docs.readme,4,more than the line is worth,J. Martin,2026-12-07
                bob,deployed.compose-services,2,,J. Martin,yesterday
                """);

        assertThatThrownBy(() -> Overrides.load(file, QUICK)).isInstanceOf(InvalidOverrides.class)
                .hasMessageContaining(file + ":4: no rubric line 'docs.spelling'")
                .hasMessageContaining(file + ":5: 4 points for docs.readme, which is worth 3")
                .hasMessageContaining(file + ":6: reason empty");
        overrides("""
                alice,docs.readme,3,fine,J. Martin,2026-12-07,an extra cell
                """);
        assertThatThrownBy(() -> Overrides.load(file, QUICK)).isInstanceOf(InvalidOverrides.class)
                .hasMessageStartingWith(file + ":2: cannot be read as CSV");
        overrides("""
                alice,docs.readme,3,fine,J. Martin,2026-12-07
                zoe,docs.readme,3,no such student,J. Martin,2026-12-07
                """);
        assertThatThrownBy(() -> grade(Regrade.NONE)).isInstanceOf(InvalidOverrides.class)
                .hasMessage(file + ":3: no student 'zoe' in the class (its students: alice, bob)");
        assertThat(reports.resolve("alice")).doesNotExist();
    }

    @Test
    void aRegradeSaysWhichOverridesNoLongerMatchAChangedVerdictEvenWithoutTheGradersPointsInTheEntry() throws Exception {
        overrides("bob,docs.readme,2,Half the README is the lab's text,J. Martin,2026-12-07\n");
        grade(Regrade.NONE);
        Path card = reports.resolve("bob").resolve(ReportWriter.CARD);
        assertThat(Files.readString(card)).contains("in place of the grader's 3").doesNotContain("no longer matches");

        Files.delete(classFolder.resolve("bob").resolve("README.md"));
        grade(Regrade.parse("bob"));

        // without README.md the grader reads its chapters from another document: less than the 3 it gave
        assertThat(Files.readString(card)).contains("set   The README", "2/3").containsPattern(
                "This override no longer matches the grader's verdict: it was written against 3, the grader now gives 0(\\.\\d)?; review it.");
        assertThat(Files.readString(reports.resolve("gradebook.csv"))).containsPattern("docs.readme: 0(\\.\\d)? -> 2 .*STALE");
    }

    @Test
    void aRegradeOfOneStudentKeepsTheOthersAndAChangedOverrideIsAppliedByGradingAgain() throws Exception {
        grade(Regrade.NONE);
        Path aliceResults = reports.resolve("alice").resolve(ReportWriter.RESULTS);
        Path bobResults = reports.resolve("bob").resolve(ReportWriter.RESULTS);
        FileTime long_ago = FileTime.from(Instant.parse("2026-01-01T00:00:00Z"));
        Files.setLastModifiedTime(aliceResults, long_ago);
        Files.setLastModifiedTime(bobResults, long_ago);

        grade(Regrade.parse("bob"));

        assertThat(Files.getLastModifiedTime(aliceResults)).isEqualTo(long_ago);
        assertThat(Files.getLastModifiedTime(bobResults)).isNotEqualTo(long_ago);
        assertThatThrownBy(() -> grade(Regrade.parse("bob,zoe"))).hasMessageContaining("no student zoe in the class");

        overrides("alice,docs.readme,0,Plagiarised README,J. Martin,2026-12-08\n");
        List<Row> rows = grade(Regrade.NONE);

        assertThat(Files.getLastModifiedTime(aliceResults)).isNotEqualTo(long_ago);
        assertThat(rows.get(0).overrides()).extracting(Row.Audit::check).containsExactly("docs.readme");
        assertThat(Files.readString(reports.resolve("gradebook.csv"))).contains("Plagiarised README");
    }
}
