package obsgrader.checks.docs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import obsgrader.checks.dashboard.SubmissionFiles;
import obsgrader.checks.dashboard.Wording;
import obsgrader.submission.Submission;

/**
 * Where a student wrote about a topic: a document named for it ({@code SLO.md}, {@code runbooks/api.md}), or a
 * chapter of any Markdown or text file of the submission whose heading names it (the README's "## SLOs",
 * {@code docs/exploitation.md}'s "## Procédures"), in English or French.
 */
public final class Documents {
    /** A whole document, or one chapter of it ({@code heading} empty for a whole document). */
    public record Passage(Path file, String heading, String text) {
        public String where(Submission submission) {
            return SubmissionFiles.where(submission, file, 0) + (heading.isEmpty() ? "" : " chapter \"" + heading + "\"");
        }
    }

    private Documents() {
    }

    /** Documents whose path names the topic, then the outermost matching chapters of the others. */
    public static List<Passage> about(Submission submission, Pattern pathNames, Pattern headingNames) {
        List<Passage> passages = new ArrayList<>();
        List<Path> documents = submission.documents();
        for (Path document : documents) {
            if (pathNames.matcher(Wording.normalise(submission.root().relativize(document).toString())).find()) {
                passages.add(new Passage(document, "", SubmissionFiles.read(document)));
            }
        }
        for (Path document : documents) {
            if (passages.stream().anyMatch(p -> p.file().equals(document))) {
                continue;
            }
            List<Markdown.Chapter> taken = new ArrayList<>();
            for (Markdown.Chapter chapter : Markdown.chapters(SubmissionFiles.read(document))) {
                boolean inside = taken.stream().anyMatch(t -> t.text().contains(chapter.text()));
                if (!inside && headingNames.matcher(Wording.normalise(chapter.heading())).find()) {
                    taken.add(chapter);
                    passages.add(new Passage(document, chapter.heading(), chapter.text()));
                }
            }
        }
        return passages;
    }

    public static String text(List<Passage> passages) {
        return passages.stream().map(Passage::text).collect(Collectors.joining("\n\n"));
    }

    public static String where(Submission submission, List<Passage> passages) {
        return passages.stream().map(p -> p.where(submission)).collect(Collectors.joining(", "));
    }
}
