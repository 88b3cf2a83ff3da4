package obsgrader.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import obsgrader.rubric.Rubric;

/**
 * {@code gradebook.csv}: one row a student, one column a criterion, then bonus, total, pass, gradable, run
 * time, a note, and the audit of the teacher's overrides (the grader's points and theirs, who, when and why).
 * Plain comma-separated UTF-8 with a header row: opens in a spreadsheet and imports into Moodle or
 * Canvas as a grade column (map "student" to the identifier, "total" to the grade).
 */
public final class Gradebook {
    private Gradebook() {
    }

    public static void write(List<Row> rows, Rubric rubric, Path file) {
        List<String> lines = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("student"));
        rubric.criteria().forEach(c -> header.add(c.id()));
        header.addAll(List.of("bonus", "total", "pass", "gradable", "run_time_s", "note", "overrides"));
        lines.add(String.join(",", header));
        for (Row row : rows) {
            List<String> cells = new ArrayList<>(List.of(csv(row.student())));
            rubric.criteria().forEach(c -> cells.add(row.gradable() ? number(row.criteria().getOrDefault(c.id(), 0.0)) : ""));
            // a run that is not gradable has no total: an empty cell, never a 0 a spreadsheet would average in
            cells.addAll(List.of(row.gradable() ? number(row.bonus()) : "", row.gradable() ? number(row.total()) : "", row.passed() ? "yes" : "no",
                    row.partlyGradable() ? "partly" : row.gradable() ? "yes" : "no", String.valueOf(row.seconds()),
                    csv(row.reason()), csv(row.audit())));
            lines.add(String.join(",", cells));
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** RFC 4180: quote fields holding a comma, a quote or a line break. */
    static String csv(String field) {
        String flat = field.replace('\n', ' ');
        return flat.matches(".*[,\"].*") ? "\"" + flat.replace("\"", "\"\"") + "\"" : flat;
    }
}
