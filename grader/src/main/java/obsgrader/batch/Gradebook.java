package obsgrader.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import obsgrader.rubric.Rubric;

/**
 * The class's gradebooks, one file each, every one with a feedback column (the student's lost lines, a sentence
 * each): {@code gradebook.csv} (student, one column per criterion, bonus, total, pass, gradable, run time, note,
 * feedback; RFC 4180 or, with {@code -Dgrader.csv=excel-fr}, for a French Excel), Moodle's offline grading
 * worksheet ({@link MoodleWorksheet}) and Canvas's gradebook import ({@link CanvasGradebook}). A new export is one
 * more {@link Format}; a new column of the plain gradebook is one more entry of {@link #columns}.
 */
public final class Gradebook {
    public static final String FILE = "gradebook.csv";

    /** A gradebook export: its file name in the class folder, and how it writes the class's lines. */
    public interface Format {
        String file();

        void write(List<GradebookLine> lines, Rubric rubric, Path file);
    }

    private Gradebook() {
    }

    /** Every export of a class, the plain gradebook in the given dialect. */
    public static List<Format> formats(Exports exports) {
        return List.of(plain(exports.dialect()), new MoodleWorksheet(), new CanvasGradebook(exports.canvasAssignment()));
    }

    public static void writeAll(List<GradebookLine> lines, Rubric rubric, Path folder, Exports exports) {
        formats(exports).forEach(format -> format.write(lines, rubric, folder.resolve(format.file())));
    }

    /**
     * The teacher's choices for the exports: the plain gradebook's dialect ({@code -Dgrader.csv}) and Canvas's
     * assignment column ({@code -Dgrader.canvas-assignment}, "Name (id)" as Canvas's own export heads it).
     */
    public record Exports(CsvDialect dialect, String canvasAssignment) {
        public static final Exports DEFAULT = new Exports(CsvDialect.RFC, "obsgrader");
    }

    /** The plain gradebook with its feedback, for a spreadsheet. */
    public static Format plain(CsvDialect dialect) {
        return new Format() {
            @Override
            public String file() {
                return FILE;
            }

            @Override
            public void write(List<GradebookLine> lines, Rubric rubric, Path file) {
                List<List<String>> table = new ArrayList<>();
                table.add(columns(rubric).stream().map(Column::header).toList());
                lines.forEach(line -> table.add(columns(rubric).stream().map(c -> c.cell(line, dialect)).toList()));
                dialect.write(table, file);
            }
        };
    }

    /** A column of the plain gradebook: its header and its cell for a line. */
    record Column(String header, java.util.function.BiFunction<GradebookLine, CsvDialect, String> value) {
        String cell(GradebookLine line, CsvDialect dialect) {
            return value.apply(line, dialect).replace('\n', ' ');
        }
    }

    static List<Column> columns(Rubric rubric) {
        List<Column> columns = new ArrayList<>();
        columns.add(new Column("student", (l, d) -> l.row().student()));
        // a run that is not gradable has no points: empty cells, never a 0 a spreadsheet would average in
        rubric.criteria().forEach(c -> columns.add(new Column(c.id(), (l, d) -> l.row().gradable()
                ? d.number(l.row().criteria().getOrDefault(c.id(), 0.0)) : "")));
        columns.add(new Column("bonus", (l, d) -> l.row().gradable() ? d.number(l.row().bonus()) : ""));
        columns.add(new Column("total", (l, d) -> l.row().gradable() ? d.number(l.row().total()) : ""));
        columns.add(new Column("pass", (l, d) -> l.row().passed() ? "yes" : "no"));
        columns.add(new Column("gradable", (l, d) -> l.row().partlyGradable() ? "partly" : l.row().gradable() ? "yes" : "no"));
        columns.add(new Column("run_time_s", (l, d) -> String.valueOf(l.row().seconds())));
        columns.add(new Column("note", (l, d) -> l.row().reason()));
        columns.add(new Column("feedback", (l, d) -> l.feedbackText()));
        return columns;
    }
}
