package obsgrader.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import obsgrader.grading.Mode;
import obsgrader.rubric.Rubric;
import obsgrader.rubric.RubricLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class as Moodle's "Download all submissions" delivers it, graded as a batch (static, on the quick rubric: no
 * engine), and its gradebooks read back by the importers' documented rules:
 * Moodle's offline grading worksheet (https://docs.moodle.org/en/Assignment_settings, "Offline grading worksheet";
 * https://docs.moodle.org/en/Using_Assignment, "Upload grading worksheet": the worksheet Moodle downloads, its
 * columns matched by their headers, "Identifier" as "Participant N", a grade within the maximum),
 * Canvas's gradebook import (Canvas Instructor Guide, "How do I import grades in the Gradebook?": Student, ID,
 * SIS User ID, SIS Login ID, Section, then the assignments; a "Points Possible" row) and the French Excel dialect.
 */
class MoodleClassTest {
    static final Rubric QUICK = RubricLoader.load(Path.of("src/test/resources/rubrics/quick.yml"));
    private static final Path REFERENCE = Path.of(System.getProperty("obsgrader.reference", "../stack"));

    @TempDir
    static Path folder;
    private static List<Row> rows;
    private static Path reports;

    /**
     * Three students in Moodle's layout, the download still zipped: Ada's zip of the reference's stack/ folder, Alan's
     * of a compose file that is not YAML, Grace's of a folder with no README.
     */
    @BeforeAll
    static void gradeTheClass() throws IOException, InterruptedException {
        Path parts = folder.resolve("parts");
        Path ada = LmsCollectionsTest.zipFolder(parts.resolve("ada.zip"), REFERENCE, "stack");
        Path alan = LmsCollectionsTest.zip(parts.resolve("alan.zip"), Map.of("stack/docker-compose.yml", "services: [\n"));
        Path grace = LmsCollectionsTest.zip(parts.resolve("grace.zip"), Map.of("stack/docker-compose.yml",
                "services:\n  nginx: {image: nginx}\n  api: {build: ./app}\n"));
        Path download = folder.resolve("moodle/TP-observabilite-42.zip");
        Files.createDirectories(download.getParent());
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(download))) {
            for (var student : Map.of("Ada Lovelace_101", ada, "Alan Turing_102", alan, "Grace Hopper_103", grace).entrySet()) {
                zip.putNextEntry(new ZipEntry(student.getKey() + "_assignsubmission_file_/" + student.getValue().getFileName()));
                zip.write(Files.readAllBytes(student.getValue()));
            }
        }
        reports = folder.resolve("reports");
        rows = BatchGrader.of(download.getParent()).withReportsTo(reports).withRubric(QUICK).withMode(Mode.STATIC)
                .withParallelism(1).withExports(new Gradebook.Exports(CsvDialect.EXCEL_FR, "TP observabilité (42)")).run();
    }

    @Test
    void eachStudentIsGradedUnderTheirNameNotTheFolders() {
        assertThat(rows).extracting(Row::student).containsExactly("Ada Lovelace", "Alan Turing", "Grace Hopper");
        assertThat(rows).allMatch(Row::gradable);
        assertThat(rows.get(0).total()).isEqualTo(7);
        assertThat(rows.get(1).total()).isLessThan(rows.get(0).total());
        assertThat(reports.resolve("Ada Lovelace/results.json")).exists();
    }

    @Test
    void theWorksheetImportsByMoodlesRules() throws IOException {
        List<Map<String, String>> lines = read(reports.resolve("moodle-grading-worksheet.csv"), ',');

        assertThat(Files.readString(reports.resolve("moodle-grading-worksheet.csv"))).doesNotStartWith("\uFEFF");
        assertThat(lines.get(0).keySet()).containsExactlyElementsOf(MoodleWorksheet.HEADER);
        assertThat(lines).extracting(l -> l.get("Identifier")).containsExactly("Participant 101", "Participant 102", "Participant 103");
        assertThat(lines).extracting(l -> l.get("Full name")).containsExactly("Ada Lovelace", "Alan Turing", "Grace Hopper");
        for (Map<String, String> line : lines) {
            double grade = Double.parseDouble(line.get("Grade"));
            assertThat(grade).isBetween(0.0, Double.parseDouble(line.get("Maximum Grade")));
            assertThat(line.get("Feedback comments")).isNotBlank();
        }
        assertThat(lines.get(0).get("Feedback comments")).isEqualTo("No point lost.");
        assertThat(lines.get(2).get("Feedback comments")).contains("The README says how to run the stack and what it monitors: "
                + "3 of 3 points lost, expected a README at the root of the submission; found none").doesNotContain(".unpacked");
    }

    @Test
    void canvassImportHasItsRequiredColumnsThePointsPossibleAndTheIds() throws IOException {
        List<Map<String, String>> lines = read(reports.resolve("canvas-gradebook.csv"), ',');

        assertThat(lines.get(0).keySet()).containsSequence(CanvasGradebook.REQUIRED)
                .contains("TP observabilité (42)", CanvasGradebook.NOTES);
        assertThat(lines.get(0).get("Student")).isEqualTo("Points Possible");
        assertThat(lines.get(0).get("TP observabilité (42)")).isEqualTo("17");
        assertThat(lines.subList(1, 4)).extracting(l -> l.get("ID")).containsExactly("101", "102", "103");
    }

    @Test
    void thePlainGradebookOpensInAFrenchExcel() throws IOException {
        String text = Files.readString(reports.resolve(Gradebook.FILE), StandardCharsets.UTF_8);

        assertThat(text).startsWith("\uFEFFstudent;deployed;docs;bonus;total;pass;gradable;run_time_s;note;feedback\r\n");
        List<Map<String, String>> lines = read(reports.resolve(Gradebook.FILE), ';');
        assertThat(lines).extracting(l -> l.get("student")).containsExactly("Ada Lovelace", "Alan Turing", "Grace Hopper");
        assertThat(lines).allSatisfy(l -> assertThat(l.get("total")).matches("\\d+(,\\d+)?"));
    }

    private static List<Map<String, String>> read(Path csv, char separator) throws IOException {
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator(separator);
        try (MappingIterator<Map<String, String>> lines = new CsvMapper().enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
                .readerForMapOf(String.class).with(schema).readValues(csv.toFile())) {
            return lines.readAll();
        }
    }
}
