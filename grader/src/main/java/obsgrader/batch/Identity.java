package obsgrader.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import obsgrader.submission.Yaml;

/**
 * Who a submission is, as the LMS that delivered it names it: {@code lms} (moodle, canvas, or empty for a plain
 * folder), the student's name, and the LMS's id: Moodle's participant id (its grading worksheet's
 * "Participant N"), Canvas's user id (its gradebook's "ID").
 */
public record Identity(String lms, String fullName, String id) {
    static final String FILE = "student.json";
    /** Moodle: {@code Ada Lovelace_123456_assignsubmission_file_} (a folder) or {@code ..._file_stack.zip} (a file). */
    private static final Pattern MOODLE = Pattern.compile("^(.+?)_(\\d+)_assignsubmission_(?:file|onlinetext)_?.*$");
    /** Canvas: {@code lovelaceada_123_4567_stack.zip}, {@code lovelaceada_LATE_123_4567_stack.zip}. */
    private static final Pattern CANVAS = Pattern.compile("^([^_]+)(?:_LATE)?_(\\d+)_(\\d+)_.+$", Pattern.CASE_INSENSITIVE);

    public static Identity of(String entry) {
        Matcher moodle = MOODLE.matcher(entry);
        if (moodle.matches()) {
            return new Identity("moodle", moodle.group(1).strip(), moodle.group(2));
        }
        Matcher canvas = CANVAS.matcher(entry);
        if (canvas.matches()) {
            return new Identity("canvas", canvas.group(1), canvas.group(2));
        }
        String name = entry.toLowerCase(java.util.Locale.ROOT).endsWith(".zip") ? entry.substring(0, entry.length() - 4) : entry;
        return new Identity("", name, "");
    }

    /** Kept beside the student's reports, where the gradebooks read it (a resumed or merged class included). */
    void write(Path reportFolder) {
        try {
            Files.createDirectories(reportFolder);
            Yaml.JSON.writerWithDefaultPrettyPrinter().writeValue(reportFolder.resolve(FILE).toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The identity kept in a student's report folder; a plain name when there is none. */
    static Identity read(Path reportFolder, String student) {
        Path file = reportFolder.resolve(FILE);
        try {
            return Files.isRegularFile(file) ? Yaml.JSON.readValue(file.toFile(), Identity.class) : new Identity("", student, "");
        } catch (IOException e) {
            return new Identity("", student, "");
        }
    }
}
