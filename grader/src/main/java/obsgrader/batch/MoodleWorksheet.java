package obsgrader.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import obsgrader.rubric.Rubric;

/**
 * Moodle's offline grading worksheet ({@code moodle-grading-worksheet.csv}), the file the assignment's "Upload
 * grading worksheet" imports (https://docs.moodle.org/en/Assignment_settings, "Offline grading worksheet";
 * https://docs.moodle.org/en/Using_Assignment, "Offline marking"): the columns of the worksheet Moodle's
 * "Download grading worksheet" writes, in its English headers, which the import matches by name:
 * {@code Identifier} ("Participant N", N the participant id of Moodle's download folder names),
 * {@code Full name}, {@code Email address}, {@code Status}, {@code Grade}, {@code Maximum Grade},
 * {@code Grade can be changed}, {@code Last modified (submission)}, {@code Last modified (grade)} and
 * {@code Feedback comments}. UTF-8, commas, a decimal point. A student not gradable has no grade (left as it is in
 * Moodle, to regrade), never a 0.
 */
public final class MoodleWorksheet implements Gradebook.Format {
    public static final List<String> HEADER = List.of("Identifier", "Full name", "Email address", "Status", "Grade",
            "Maximum Grade", "Grade can be changed", "Last modified (submission)", "Last modified (grade)", "Feedback comments");

    @Override
    public String file() {
        return "moodle-grading-worksheet.csv";
    }

    @Override
    public void write(List<GradebookLine> lines, Rubric rubric, Path file) {
        CsvDialect dialect = CsvDialect.RFC;
        List<List<String>> table = new ArrayList<>();
        table.add(HEADER);
        for (GradebookLine line : lines) {
            Identity who = line.identity();
            var grade = line.grade();
            table.add(List.of(who.id().isEmpty() ? line.row().student() : "Participant " + who.id(), who.fullName(), "",
                    "", grade.isPresent() ? dialect.number(grade.getAsDouble()) : "", dialect.number(rubric.total()), "Yes",
                    "", "", line.feedbackText()));
        }
        dialect.write(table, file);
    }
}
