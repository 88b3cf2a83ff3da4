package obsgrader.checks.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import obsgrader.submission.Submission;

/**
 * Grafana's provisioning files: the datasources and dashboard providers they declare. Read from the folder
 * the grafana service mounts on /etc/grafana/provisioning; from any YAML of the submission declaring them
 * otherwise, so a file mounted elsewhere is still found (and judged on its content).
 */
public final class Provisioning {
    /** One entry of a datasources file. */
    public record Datasource(Path file, int line, String name, String type, String url) {
    }

    /** One entry of a dashboards file: where Grafana reads dashboard JSON from, inside its container. */
    public record Provider(Path file, int line, String name, String type, String path) {
    }

    private Provisioning() {
    }

    public static List<Datasource> datasources(Submission submission) {
        List<Datasource> datasources = new ArrayList<>();
        for (Path file : filesDeclaring(submission, "datasources")) {
            for (JsonNode entry : submission.parse(file).tree().path("datasources")) {
                String url = entry.path("url").asText("");
                String name = entry.path("name").asText("");
                datasources.add(new Datasource(file, SubmissionFiles.lineOf(file, url.isEmpty() ? "name: " + name : url),
                        name, entry.path("type").asText(""), url));
            }
        }
        return datasources;
    }

    public static List<Provider> providers(Submission submission) {
        List<Provider> providers = new ArrayList<>();
        for (Path file : filesDeclaring(submission, "providers")) {
            for (JsonNode entry : submission.parse(file).tree().path("providers")) {
                String path = entry.path("options").path("path").asText("");
                String name = entry.path("name").asText("");
                // Grafana's only provider type is "file", its default.
                providers.add(new Provider(file, SubmissionFiles.lineOf(file, path.isEmpty() ? "name: " + name : path),
                        name, entry.path("type").asText("file"), path));
            }
        }
        return providers;
    }

    private static List<Path> filesDeclaring(Submission submission, String key) {
        List<Path> mounted = declaring(submission, submission.grafanaProvisioning().map(SubmissionFiles::under).orElse(List.of()), key);
        return mounted.isEmpty() ? declaring(submission, SubmissionFiles.all(submission), key) : mounted;
    }

    private static List<Path> declaring(Submission submission, List<Path> files, String key) {
        return files.stream()
                .filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml"))
                .filter(f -> submission.parse(f).tree().path(key).isArray())
                .toList();
    }
}
