package obsgrader.checks.bonus;

import static obsgrader.i18n.Message.msg;

import obsgrader.i18n.Message;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import obsgrader.checks.dashboard.SubmissionFiles;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.Submission;

/** The bonus services of a submission, recognised by their image, and the code of those it builds. */
final class ComposeServices {
    private static final Pattern CODE = Pattern.compile("(?i).*\\.(py|js|ts|go|rb|sh|java)|.*requirements.*\\.txt|pyproject\\.toml|Dockerfile");

    private ComposeServices() {
    }

    /** Services running one of the images, by the last segment of the repository (any registry, any tag). */
    static List<String> running(Submission submission, Set<String> images) {
        return submission.compose().map(compose -> compose.services().entrySet().stream()
                .filter(e -> {
                    String repository = ComposeFile.repository(e.getValue().path("image").asText(""));
                    return images.contains(repository.substring(repository.lastIndexOf('/') + 1));
                })
                .map(Map.Entry::getKey).toList()).orElse(List.of());
    }

    /** The source files of a service's build context: code, requirements, Dockerfile. */
    static List<Path> code(ComposeFile compose, String service) {
        return compose.buildContext(service).map(SubmissionFiles::under).orElse(List.of()).stream()
                .filter(file -> CODE.matcher(file.getFileName().toString()).matches()).toList();
    }

    /** Says the service was read from the files, not seen running. */
    static Message staticNote(String what) {
        return msg("bonus.static-note", what);
    }
}
