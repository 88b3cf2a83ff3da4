package obsgrader.checks.docs;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import obsgrader.checks.dashboard.SubmissionFiles;
import obsgrader.checks.dashboard.Wording;
import obsgrader.submission.Rule;
import obsgrader.submission.Submission;

/**
 * The submission's runbooks: files named runbook*, whatever sits in a runbook(s) folder (documents or
 * scripts), runbook and incident chapters of any document ("## Runbooks", "## Procédures d'intervention",
 * "## Gestion d'incident", "## Failure modes"), troubleshooting chapters ("## Dépannage"), and the runbook text or
 * link an alert carries in its annotations ({@code runbook_url}, {@code runbook}, {@code action}...).
 */
public final class Runbooks {
    private static final Pattern NAME = Pattern.compile("(?i)runbooks?|playbooks?");
    private static final Pattern HEADING = Pattern.compile(
            "runbook|playbook|procedure|que faire|en cas d.(alerte|incident)|remediation|reponse aux (alertes|incidents)"
                    + "|gestion d.(un )?incidents?|incident (response|management|handling)|post-?mortem|astreinte|on-?call"
                    + "|failure.?modes?|modes? de (defaillance|panne)|pannes?\\b");
    /**
     * Help with the stack itself ("no data in Grafana? restart it"): a runbook only where it names the alerts it
     * answers, since an on-call reads a runbook from an alert.
     */
    private static final Pattern TROUBLESHOOTING = Pattern.compile("troubleshoot|depannage|\\bfaq\\b|problemes? (courants|frequents)|known issues");
    /** Annotation keys that hold a runbook or what to do: a link or the steps themselves. */
    private static final Pattern ANNOTATION = Pattern.compile(
            "runbook.*|playbook.*|procedure|remediation|actions?|how_?to.*|fix|resolution|solution|steps|que_?faire|marche_?a_?suivre");
    /** Steps written into an annotation: a link, or at least this many words (one sentence of what to do). */
    private static final int WORDS_OF_A_STEP = 6;

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

    /** Troubleshooting chapters, which count for the alerts they name. */
    public static List<Documents.Passage> troubleshooting(Submission submission) {
        return Documents.about(submission, Pattern.compile("(^|/)(troubleshooting|depannage)"), TROUBLESHOOTING);
    }

    /** The annotation of an alert holding its runbook (a link or steps), if it has one. */
    public static java.util.Optional<String> annotation(Rule alert) {
        return alert.annotations().entrySet().stream()
                .filter(a -> ANNOTATION.matcher(Wording.normalise(a.getKey())).matches())
                .filter(a -> a.getValue().contains("://") || a.getValue().contains(".md")
                        || a.getValue().trim().split("\\s+").length >= WORDS_OF_A_STEP)
                .map(java.util.Map.Entry::getKey).findFirst();
    }

    /** Whether a passage names the alert (InstanceDown, instance-down, "Instance down"). */
    public static boolean names(Documents.Passage passage, Rule alert) {
        String name = squeezed(alert.alert());
        return name.length() >= 4 && squeezed(passage.file().getFileName().toString() + " " + passage.text()).contains(name);
    }

    private static String squeezed(String text) {
        return Wording.normalise(text).replaceAll("[^a-z0-9]", "");
    }
}
