package obsgrader.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import obsgrader.rubric.Rubric;

/**
 * Canvas's gradebook import ({@code canvas-gradebook.csv}; Canvas Instructor Guide, "How do I import grades in
 * the Gradebook?"): the columns Canvas requires, {@code Student}, {@code ID} (the Canvas user id of the
 * submission's file name), {@code SIS User ID}, {@code SIS Login ID}, {@code Section}, then the assignment's column
 * (named like Canvas's export, "Name (id)", to update an existing assignment; a name alone makes a new one),
 * a {@code Points Possible} row, and the feedback in {@code Notes}, Canvas's own custom column (shown from the
 * Gradebook's View menu before importing). A student not gradable has an empty cell: Canvas leaves it as it is.
 */
public final class CanvasGradebook implements Gradebook.Format {
    public static final List<String> REQUIRED = List.of("Student", "ID", "SIS User ID", "SIS Login ID", "Section");
    public static final String NOTES = "Notes";
    private final String assignment;

    /** {@code assignment}: the assignment column's header, e.g. {@code TP observabilité (4567)}. */
    public CanvasGradebook(String assignment) {
        this.assignment = assignment;
    }

    @Override
    public String file() {
        return "canvas-gradebook.csv";
    }

    @Override
    public void write(List<GradebookLine> lines, Rubric rubric, Path file) {
        CsvDialect dialect = CsvDialect.RFC;
        List<List<String>> table = new ArrayList<>();
        List<String> header = new ArrayList<>(REQUIRED);
        header.addAll(List.of(assignment, NOTES));
        table.add(header);
        table.add(List.of("Points Possible", "", "", "", "", dialect.number(rubric.total()), ""));
        for (GradebookLine line : lines) {
            var grade = line.grade();
            table.add(List.of(line.identity().fullName(), line.identity().id(), "", "", "",
                    grade.isPresent() ? dialect.number(grade.getAsDouble()) : "", line.feedbackText()));
        }
        dialect.write(table, file);
    }
}
