package obsgrader.batch;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import obsgrader.checks.Phase;

/**
 * The class's progress on the console: a line when a student starts or finishes, and one whenever a student being
 * graded changes phase, saying who is in which ("(queued)": waiting for a turn), with an estimate of the time left.
 */
final class ClassProgress {
    private final int total;
    private final PrintStream out;
    private final Instant start = Instant.now();
    /** Each student being graded and where they are, in the order they started. */
    private final Map<String, String> grading = new LinkedHashMap<>();
    private int done;
    private int graded;

    ClassProgress(int total, PrintStream out) {
        this.total = total;
        this.out = out;
    }

    synchronized void started(Student student) {
        grading.put(student.name(), "starting");
        out.printf("[batch] %-20s started%n", student.name());
    }

    synchronized void phase(String student, Phase phase, boolean queued) {
        String where = phase.label() + (queued ? " (queued)" : "");
        if (!where.equals(grading.put(student, where))) {
            out.printf("[batch] %d grading: %s; %d/%d done%s%n", grading.size(), grading.entrySet().stream()
                    .map(entry -> entry.getKey() + " " + entry.getValue()).collect(Collectors.joining(", ")), done, total, left());
        }
    }

    synchronized void skipped(Student student, Row row) {
        done++;
        out.printf("[batch] %-20s kept from an earlier run: %s%n", student.name(), outcome(row));
    }

    synchronized void finished(Student student, Row row, Duration took) {
        done++;
        graded++;
        grading.remove(student.name());
        out.printf("[batch] %-20s finished in %d s: %s (%d/%d done%s)%n", student.name(), took.toSeconds(),
                outcome(row), done, total, left());
    }

    /** Wall time per student graded so far already reflects the overlap; nothing is said before the first. */
    private String left() {
        if (graded == 0) {
            return "";
        }
        long seconds = (total - done) * Duration.between(start, Instant.now()).toSeconds() / graded;
        return String.format(", about %d min left", Math.round(seconds / 60.0));
    }

    private static String outcome(Row row) {
        return row.gradable() ? row.total() + " points" + (row.passed() ? ", passed" : ", failed")
                : "NOT GRADABLE (" + row.reason() + ")";
    }
}
