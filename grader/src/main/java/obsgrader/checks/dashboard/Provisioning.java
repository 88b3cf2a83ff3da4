package obsgrader.checks.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.LabRole;
import obsgrader.submission.Submission;

/**
 * Grafana's provisioning files: the datasources and dashboard providers they declare. Read from the folder
 * the grafana service mounts on /etc/grafana/provisioning; from any YAML of the submission declaring them
 * otherwise, so a file mounted elsewhere is still found and named, but marked as not read: Grafana never sees a
 * file its service does not mount under {@code <provisioning>/datasources} or {@code /dashboards}
 * (a {@code grafana/provisionnement/} folder while compose mounts {@code ./grafana/provisioning}).
 */
public final class Provisioning {
    /** One entry of a datasources file. */
    public record Datasource(Path file, int line, String name, String type, String url, boolean read) {
    }

    /** One entry of a dashboards file: where Grafana reads dashboard JSON from, inside its container. */
    public record Provider(Path file, int line, String name, String type, String path, boolean read) {
    }

    private static final String GRAFANA_PROVISIONING = "/etc/grafana/provisioning";

    private Provisioning() {
    }

    public static List<Datasource> datasources(Submission submission) {
        List<Datasource> datasources = new ArrayList<>();
        Set<Path> read = readByGrafana(submission, "datasources");
        for (Path file : filesDeclaring(submission, "datasources")) {
            for (JsonNode entry : submission.parse(file).tree().path("datasources")) {
                String url = entry.path("url").asText("");
                String name = entry.path("name").asText("");
                datasources.add(new Datasource(file, SubmissionFiles.lineOf(file, url.isEmpty() ? "name: " + name : url),
                        name, entry.path("type").asText(""), url, read == null || read.contains(file.toAbsolutePath().normalize())));
            }
        }
        return datasources;
    }

    public static List<Provider> providers(Submission submission) {
        List<Provider> providers = new ArrayList<>();
        Set<Path> read = readByGrafana(submission, "dashboards");
        for (Path file : filesDeclaring(submission, "providers")) {
            for (JsonNode entry : submission.parse(file).tree().path("providers")) {
                String path = entry.path("options").path("path").asText("");
                String name = entry.path("name").asText("");
                // Grafana's only provider type is "file", its default.
                providers.add(new Provider(file, SubmissionFiles.lineOf(file, path.isEmpty() ? "name: " + name : path),
                        name, entry.path("type").asText("file"), path, read == null || read.contains(file.toAbsolutePath().normalize())));
            }
        }
        return providers;
    }

    /**
     * The host files Grafana reads from {@code <provisioning>/<kind>/} through its service's mounts (and the
     * files its build copies in); null when there is no grafana service to ask, each file then judged on its content.
     */
    private static Set<Path> readByGrafana(Submission submission, String kind) {
        Optional<ComposeFile> compose = submission.compose();
        Optional<String> grafana = compose.flatMap(c -> c.serviceFor(LabRole.GRAFANA));
        if (grafana.isEmpty()) {
            return null;
        }
        String folder = folderOf(submission, kind);
        Set<Path> read = new HashSet<>();
        compose.get().filesSeenBy(grafana.get()).forEach((inside, host) -> {
            if (inside.startsWith(folder)) {
                read.add(host.toAbsolutePath().normalize());
            }
        });
        return read;
    }

    /** Where Grafana reads this kind of provisioning file inside its container, as the student's compose sets it. */
    public static String folderOf(Submission submission, String kind) {
        String provisioning = submission.compose().flatMap(c -> c.serviceFor(LabRole.GRAFANA)
                .flatMap(g -> c.environment(g, "GF_PATHS_PROVISIONING"))).orElse(GRAFANA_PROVISIONING);
        return provisioning.replaceAll("(?<=.)/+$", "") + "/" + kind + "/";
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
