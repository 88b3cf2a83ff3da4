package obsgrader.checks.docs;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import obsgrader.checks.dashboard.SubmissionFiles;
import obsgrader.submission.Submission;

/** The submission's runbooks: files named runbook*, and whatever sits in a runbook(s) folder (documents or scripts). */
public final class Runbooks {
    private static final Pattern NAME = Pattern.compile("(?i)runbooks?");

    private Runbooks() {
    }

    public static List<Path> files(Submission submission) {
        return SubmissionFiles.all(submission).stream()
                .filter(file -> StreamSupport.stream(submission.root().relativize(file).spliterator(), false)
                        .anyMatch(part -> NAME.matcher(part.toString()).lookingAt()))
                .toList();
    }
}
