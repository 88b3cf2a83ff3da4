package obsgrader.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A file of the submission that could not be read, with where and why, for the student to fix. */
public record InvalidFile(Path file, int line, String problem) {
    private static final Pattern MARK = Pattern.compile("\\s+in '[^']*', line (\\d+), column \\d+:?");

    /**
     * A parser's message on one line. YAML's spreads over several: what is wrong, each with a mark
     * ({@code in 'reader', line 15, column 5:}) and a quote of the file; the marks are kept as line numbers.
     */
    static InvalidFile of(Path file, JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        StringBuilder problem = new StringBuilder();
        for (String text : e.getOriginalMessage().lines().toList()) {
            Matcher mark = MARK.matcher(text);
            if (mark.matches()) {
                problem.append(" (line ").append(mark.group(1)).append(')');
            } else if (!text.isBlank() && !Character.isWhitespace(text.charAt(0))) {
                problem.append(problem.isEmpty() ? "" : ": ").append(text);
            }
        }
        return new InvalidFile(file, line, problem.isEmpty() ? "unreadable" : problem.toString());
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + problem;
    }
}
