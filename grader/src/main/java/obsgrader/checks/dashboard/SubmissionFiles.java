package obsgrader.checks.dashboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import obsgrader.submission.Submission;

/**
 * The submission's files as the checks search them, by name or by content: walked as {@link Submission} walks
 * them (hidden folders skipped, same depth), and named relative to the submission in reasons.
 */
public final class SubmissionFiles {
    private static final int DEPTH = 6;

    private SubmissionFiles() {
    }

    /**
     * Every regular file under a folder of the submission, sorted. A folder that is a link (the lab's
     * {@code app -> ../sample-api}) is walked where it leads, its files named through the link.
     */
    public static List<Path> under(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try {
            Path start = Files.isSymbolicLink(folder) ? folder.toRealPath() : folder;
            try (Stream<Path> all = Files.walk(start, DEPTH)) {
                return all.filter(Files::isRegularFile).filter(p -> !isHidden(start.relativize(p)))
                        .map(p -> folder.resolve(start.relativize(p))).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> all(Submission submission) {
        return under(submission.root());
    }

    /** A text file's content; empty when it cannot be read as text (a binary, a broken link). */
    public static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The first line (from 1) holding a text, quotes ignored as YAML allows them anywhere; 0 when none does. */
    public static int lineOf(Path file, String needle) {
        List<String> lines = read(file).lines().toList();
        String bare = unquoted(needle);
        for (int i = 0; i < lines.size(); i++) {
            if (unquoted(lines.get(i)).contains(bare)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** A file named for the student: relative to the submission, with its line when known. */
    public static String where(Submission submission, Path file, int line) {
        Path shown = file.startsWith(submission.root()) ? submission.root().relativize(file) : file;
        return shown + (line > 0 ? ":" + line : "");
    }

    private static String unquoted(String text) {
        return text.replace("\"", "").replace("'", "");
    }

    private static boolean isHidden(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }
}
