package obsgrader.checks.docs;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import obsgrader.checks.dashboard.SubmissionFiles;
import obsgrader.submission.Submission;

/**
 * The submission's runbooks: files named runbook*, whatever sits in a runbook(s) folder (documents or
 * scripts), and runbook chapters of any document ("## Runbooks", "## Procédures d'intervention").
 */
public final class Runbooks {
    private static final Pattern NAME = Pattern.compile("(?i)runbooks?|playbooks?");
    private static final Pattern HEADING = Pattern.compile(
            "runbook|playbook|procedure|que faire|en cas d.(alerte|incident)|remediation|reponse aux (alertes|incidents)"
                    + "|incident response|troubleshoot|depannage|astreinte|on-?call");

    private Runbooks() {
    }

    public static List<Path> files(Submission submission) {
        return SubmissionFiles.all(submission).stream()
                .filter(file -> StreamSupport.stream(submission.root().relativize(file).spliterator(), false)
                        .anyMatch(part -> NAME.matcher(part.toString()).lookingAt()))
                .toList();
    }

    /** Runbook documents and chapters, where an on-call reads what to do. */
    public static List<Documents.Passage> written(Submission submission) {
        return Documents.about(submission, Pattern.compile("(^|/)(runbooks?|playbooks?)"), HEADING);
    }
}
