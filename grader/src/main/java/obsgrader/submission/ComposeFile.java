package obsgrader.submission;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A docker-compose file read as compose v1 reads it: services, their images, builds and mounts. */
public final class ComposeFile {
    private static final Pattern FROM = Pattern.compile("(?i)^\\s*FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)");
    private static final Pattern STAGE = Pattern.compile("(?i)\\sAS\\s+(\\S+)\\s*$");

    private final Path file;
    private final JsonNode tree;

    public ComposeFile(Path file, JsonNode tree) {
        this.file = file;
        this.tree = tree;
    }

    public Path file() {
        return file;
    }

    /** The folder relative paths are resolved against: compose's project directory. */
    public Path projectDir() {
        return file.toAbsolutePath().getParent();
    }

    public JsonNode tree() {
        return tree;
    }

    public Map<String, JsonNode> services() {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        tree.path("services").fields().forEachRemaining(e -> services.put(e.getKey(), e.getValue()));
        return services;
    }

    public Optional<JsonNode> service(String name) {
        return Optional.ofNullable(services().get(name));
    }

    /** The service playing a lab role: by image first, by the lab's service name otherwise. */
    public Optional<String> serviceFor(LabRole role) {
        Map<String, JsonNode> services = services();
        return services.entrySet().stream()
                .filter(e -> role.runs(e.getValue().path("image").asText("")) && !isBuilt(e.getKey()))
                .map(Map.Entry::getKey)
                .findFirst()
                .or(() -> services.keySet().stream().filter(role::isNamed).findFirst());
    }

    /** The host names a service answers to on the stack's network: its name, container_name, hostname, aliases. */
    public Set<String> hostsOf(String service) {
        Set<String> hosts = new LinkedHashSet<>();
        hosts.add(service);
        JsonNode node = services().get(service);
        for (String key : List.of("container_name", "hostname")) {
            if (node.hasNonNull(key)) {
                hosts.add(node.get(key).asText());
            }
        }
        node.path("networks").forEach(network -> network.path("aliases").forEach(alias -> hosts.add(alias.asText())));
        return hosts;
    }

    /** The service a host name reaches on the stack's network, if any. */
    public Optional<String> serviceAt(String host) {
        return services().keySet().stream().filter(service -> hostsOf(service).contains(host)).findFirst();
    }

    public static String repository(String image) {
        String withoutDigest = image.split("@")[0];
        int slash = withoutDigest.lastIndexOf('/');
        int colon = withoutDigest.lastIndexOf(':');
        return colon > slash ? withoutDigest.substring(0, colon) : withoutDigest;
    }

    public boolean isBuilt(String service) {
        return !services().get(service).path("build").isMissingNode();
    }

    public Optional<Path> buildContext(String service) {
        JsonNode build = services().get(service).path("build");
        if (build.isMissingNode()) {
            return Optional.empty();
        }
        String context = build.isTextual() ? build.asText() : build.path("context").asText(".");
        return Optional.of(resolve(context));
    }

    public Optional<Path> dockerfile(String service) {
        JsonNode build = services().get(service).path("build");
        return buildContext(service).map(context -> context.resolve(build.path("dockerfile").asText("Dockerfile")));
    }

    /** Every image the file needs: those its services run, and those its builds start FROM. */
    public Set<String> requiredImages() {
        Set<String> images = new LinkedHashSet<>();
        services().forEach((name, service) -> {
            if (isBuilt(name)) {
                dockerfile(name).ifPresent(dockerfile -> images.addAll(baseImages(dockerfile)));
            } else if (service.hasNonNull("image")) {
                images.add(service.get("image").asText());
            }
        });
        return images;
    }

    static Set<String> baseImages(Path dockerfile) {
        Set<String> images = new LinkedHashSet<>();
        Set<String> stages = new LinkedHashSet<>();
        try {
            for (String line : Files.readAllLines(dockerfile)) {
                Matcher from = FROM.matcher(line);
                if (!from.find()) {
                    continue;
                }
                String image = from.group(1);
                if (!stages.contains(image) && !image.equalsIgnoreCase("scratch")) {
                    images.add(image);
                }
                Matcher stage = STAGE.matcher(line);
                if (stage.find()) {
                    stages.add(stage.group(1));
                }
            }
        } catch (IOException e) {
            // a missing Dockerfile is reported by compose itself when the stack boots
        }
        return images;
    }

    public List<Mount> mounts(String service) {
        List<Mount> mounts = new ArrayList<>();
        services().get(service).path("volumes").forEach(volume -> mounts.add(mount(service, volume)));
        return mounts;
    }

    private Mount mount(String service, JsonNode volume) {
        if (volume.isObject()) {
            String source = volume.path("source").asText("");
            String target = volume.path("target").asText("");
            boolean bind = "bind".equals(volume.path("type").asText()) || isHostPath(source);
            return new Mount(service, source, bind ? resolve(source) : null, target, volume.path("read_only").asBoolean());
        }
        String[] parts = volume.asText().split(":");
        if (parts.length == 1) {
            return new Mount(service, "", null, parts[0], false);
        }
        boolean readOnly = parts.length > 2 && parts[2].contains("ro");
        return new Mount(service, parts[0], isHostPath(parts[0]) ? resolve(parts[0]) : null, parts[1], readOnly);
    }

    static boolean isHostPath(String source) {
        return source.startsWith(".") || source.startsWith("/") || source.startsWith("~");
    }

    /** A path of the file resolved as compose resolves it: relative to the project directory. */
    public Path resolve(String path) {
        if (path.startsWith("~")) {
            return Path.of(System.getProperty("user.home") + path.substring(1)).normalize();
        }
        return projectDir().resolve(path).normalize();
    }

    /** Where, on the host, a path seen inside a service's container comes from: the deepest bind mount covering it. */
    public Optional<Path> hostPathOf(String service, String containerPath) {
        return mounts(service).stream()
                .filter(mount -> mount.hostPathOf(containerPath) != null)
                .max((a, b) -> Integer.compare(a.target().length(), b.target().length()))
                .map(mount -> mount.hostPathOf(containerPath));
    }
}
