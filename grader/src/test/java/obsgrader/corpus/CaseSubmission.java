package obsgrader.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import obsgrader.submission.Folders;

/**
 * A case's submission written out: a copy of the reference stack, its links materialised (the reference's
 * {@code app -> ../sample-api} becomes a real folder, as a student hands it in), changed by the case's steps,
 * then its {@code overlay/} files copied over. A step that matches nothing fails: the reference moved, and
 * the case must be told.
 */

final class CaseSubmission {
    private static final Pattern GROUPS = Pattern.compile("(?s)\\A.*?^groups:[ \\t]*\\R", Pattern.MULTILINE);

    private CaseSubmission() {
    }

    /** Writes the submission of a case (its folder in the corpus) into {@code target}, replacing what was there. */
    static Path write(CorpusCase corpusCase, Path caseFolder, Path reference, Path target) {
        try {
            Folders.delete(target);
            Files.createDirectories(target);
            if (corpusCase.base() == CorpusCase.Base.REFERENCE) {
                Folders.copy(reference, target);
            }
            for (CorpusCase.Step step : corpusCase.transform()) {
                apply(step, target);
            }
            Path overlay = caseFolder.resolve("overlay");
            if (Files.isDirectory(overlay)) {
                Folders.copy(overlay, target);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(corpusCase + ": " + e.getMessage(), e);
        }
    }

    private static void apply(CorpusCase.Step step, Path root) throws IOException {
        if (step.delete() != null) {
            Path doomed = existing(root, step.delete(), step);
            Folders.delete(doomed);
        } else if (step.merge() != null) {
            Path source = existing(root, step.merge(), step);
            Path into = existing(root, step.into(), step);
            Matcher header = GROUPS.matcher(Files.readString(source));
            if (!header.find()) {
                throw new IllegalStateException(step + ": " + step.merge() + " has no 'groups:' line");
            }
            String groups = Files.readString(source).substring(header.end());
            String target = Files.readString(into);
            Files.writeString(into, target + (target.endsWith("\n") ? "" : "\n") + groups);
            Files.delete(source);
        } else {
            Path file = existing(root, step.file(), step);
            String text = Files.readString(file);
            String changed = step.replace() != null ? text.replace(step.replace(), step.with())
                    : Pattern.compile(step.regex(), Pattern.MULTILINE).matcher(text).replaceAll(Matcher.quoteReplacement(step.with()));
            if (changed.equals(text)) {
                throw new IllegalStateException(step + " changes nothing in " + step.file());
            }
            Files.writeString(file, changed);
        }
    }

    private static Path existing(Path root, String relative, CorpusCase.Step step) {
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root) || !Files.exists(path)) {
            throw new IllegalStateException(step + ": no " + relative + " in the reference");
        }
        return path;
    }
}
