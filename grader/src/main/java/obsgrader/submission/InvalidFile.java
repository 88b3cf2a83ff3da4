package obsgrader.submission;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.file.Path;

/** A file of the submission that could not be read, with where and why, for the student to fix. */
public record InvalidFile(Path file, int line, String problem) {

    static InvalidFile of(Path file, JsonProcessingException e) {
        int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
        return new InvalidFile(file, line, e.getOriginalMessage().lines().findFirst().orElse("unreadable"));
    }

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + problem;
    }
}
