package obsgrader.submission;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A docker-compose file read as compose reads it: variables substituted from the project's {@code .env},
 * services with their images, builds and the files they see (bind mounts in short and long syntax,
 * {@code configs:}, files their Dockerfile copies in), and the lab role each service plays, decided by what
 * the service is rather than what it is called.
 */
public final class ComposeFile {
    private static final Pattern FROM = Pattern.compile("(?i)^\\s*FROM\\s+(?:--platform=\\S+\\s+)?(\\S+)");
    private static final Pattern STAGE = Pattern.compile("(?i)\\sAS\\s+(\\S+)\\s*$");
    private static final Pattern COPY = Pattern.compile("(?i)^\\s*(?:COPY|ADD)\\s+(?!.*--from)(?:--\\S+\\s+)*(.+?)\\s*$");

    private final Path file;
    private final JsonNode tree;
    private final Map<String, JsonNode> services;
    private final Map<LabRole, List<String>> roles;

    /** @param raw the file as parsed; its variables are substituted here, with the project's .env */
    public ComposeFile(Path file, JsonNode raw) {
        this(ComposeVariables.fromDotEnv(file.toAbsolutePath().getParent()).apply(raw), file);
    }

    /** A tree whose variables are already substituted. */
    private ComposeFile(JsonNode substituted, Path file) {
        this.file = file;
        this.tree = substituted;
        Map<String, JsonNode> named = new LinkedHashMap<>();
        tree.path("services").fields().forEachRemaining(e -> named.put(e.getKey(), e.getValue()));
        this.services = Collections.unmodifiableMap(named);
        this.roles = Collections.unmodifiableMap(RoleDetector.detect(this));
    }

    /**
     * The model compose itself resolved ({@code compose config}: includes, extends, env_file, profiles and
     * variables applied) of the file at {@code file}. Compose writes a literal dollar {@code $$} in that
     * model; it is read back as one {@code $}, as in a model this class substituted.
     */
    public static ComposeFile resolved(Path file, JsonNode resolved) {
        return new ComposeFile(new ComposeVariables(Map.of()).apply(resolved), file);
    }

    public Path file() {
        return file;
    }

    /** The folder relative paths are resolved against: compose's project directory. */
    public Path projectDir() {
        return file.toAbsolutePath().getParent();
    }

    /** The file's tree, variables substituted. */
    public JsonNode tree() {
        return tree;
    }

    public Map<String, JsonNode> services() {
        return services;
    }

    public Optional<JsonNode> service(String name) {
        return Optional.ofNullable(services.get(name));
    }

    /** The service playing a lab role (the first, when several do: API replicas). */
    public Optional<String> serviceFor(LabRole role) {
        return servicesFor(role).stream().findFirst();
    }

    /** Every service playing a lab role: several API replicas behind nginx all count as the API. */
    public List<String> servicesFor(LabRole role) {
        return roles.getOrDefault(role, List.of());
    }

    /** The lab role a service plays, if any. */
    public Optional<LabRole> roleOf(String service) {
        return roles.entrySet().stream().filter(e -> e.getValue().contains(service)).map(Map.Entry::getKey).findFirst();
    }

    /** The host names a service answers to on the stack's network: its name, container_name, hostname, aliases. */
    public Set<String> hostsOf(String service) {
        Set<String> hosts = new LinkedHashSet<>();
        hosts.add(service);
        JsonNode node = services.get(service);
        for (String key : List.of("container_name", "hostname")) {
            if (node.hasNonNull(key)) {
                hosts.add(node.get(key).asText());
            }
        }
        node.path("networks").forEach(network -> network.path("aliases").forEach(alias -> hosts.add(alias.asText())));
        return hosts;
    }

    /** The host names of every service playing a role. */
    public Set<String> hostsOf(LabRole role) {
        Set<String> hosts = new LinkedHashSet<>();
        servicesFor(role).forEach(service -> hosts.addAll(hostsOf(service)));
        return hosts;
    }

    /** The service a host name reaches on the stack's network, if any. */
    public Optional<String> serviceAt(String host) {
        return services.keySet().stream().filter(service -> hostsOf(service).contains(host)).findFirst();
    }

    /**
     * The ports a service listens on inside the stack, as far as its files say: the lab's port for its role,
     * {@code expose}, the container side of {@code ports}, its Dockerfile's EXPOSE, and ports in its command
     * ({@code --port 8000}, {@code --web.listen-address=:9114}, {@code -b 0.0.0.0:8000}).
     */
    public Set<Integer> portsOf(String service) {
        Set<Integer> ports = new LinkedHashSet<>();
        roleOf(service).ifPresent(role -> ports.add(role.port()));
        JsonNode node = services.get(service);
        node.path("expose").forEach(port -> PortSyntax.number(port.asText()).ifPresent(ports::add));
        node.path("ports").forEach(port -> PortSyntax.containerPort(port).ifPresent(ports::add));
        dockerfile(service).ifPresent(dockerfile -> ports.addAll(PortSyntax.exposed(dockerfile)));
        ports.addAll(PortSyntax.inCommand(String.join(" ", command(service))));
        return ports;
    }

    /** The service's command as a list of arguments, as the compose file writes it. */
    public List<String> command(String service) {
        JsonNode command = services.get(service).path("command");
        List<String> args = new ArrayList<>();
        if (command.isTextual()) {
            args.addAll(List.of(command.asText().trim().split("\\s+")));
        } else {
            command.forEach(arg -> args.add(arg.asText()));
        }
        return args;
    }

    /** The value of a {@code --flag=value} (or {@code -flag value}) of the service's command. */
    public Optional<String> flag(String service, String flag) {
        List<String> args = command(service).stream().map(a -> a.replaceFirst("^-+", "--")).toList();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).startsWith(flag + "=")) {
                return Optional.of(args.get(i).substring(flag.length() + 1));
            }
            if (args.get(i).equals(flag) && i + 1 < args.size()) {
                return Optional.of(args.get(i + 1));
            }
        }
        return Optional.empty();
    }

    /** A value of the service's {@code environment:}, in either syntax. */
    public Optional<String> environment(String service, String name) {
        JsonNode environment = services.get(service).path("environment");
        if (environment.isObject()) {
            return Optional.ofNullable(environment.get(name)).map(JsonNode::asText);
        }
        for (JsonNode entry : environment) {
            String text = entry.asText();
            if (text.startsWith(name + "=")) {
                return Optional.of(text.substring(name.length() + 1));
            }
        }
        return Optional.empty();
    }

    public static String repository(String image) {
        String withoutDigest = image.split("@")[0];
        int slash = withoutDigest.lastIndexOf('/');
        int colon = withoutDigest.lastIndexOf(':');
        return colon > slash ? withoutDigest.substring(0, colon) : withoutDigest;
    }

    public boolean isBuilt(String service) {
        return !services.get(service).path("build").isMissingNode();
    }

    public Optional<Path> buildContext(String service) {
        JsonNode build = services.get(service).path("build");
        if (build.isMissingNode()) {
            return Optional.empty();
        }
        String context = build.isTextual() ? build.asText() : build.path("context").asText(".");
        return Optional.of(resolve(context));
    }

    public Optional<Path> dockerfile(String service) {
        JsonNode build = services.get(service).path("build");
        return buildContext(service).map(context -> context.resolve(build.path("dockerfile").asText("Dockerfile")));
    }

    /** The image a service runs: its {@code image:}, or for a build the final stage's base image. */
    public String runImage(String service) {
        if (isBuilt(service)) {
            List<String> bases = dockerfile(service).map(ComposeFile::stageBases).orElse(List.of());
            return bases.isEmpty() ? "" : bases.get(bases.size() - 1);
        }
        return services.get(service).path("image").asText("");
    }

    /** Every image the file needs: those its services run, and those its builds start FROM. */
    public Set<String> requiredImages() {
        return requiredImages(Set.of());
    }

    /** The images needed by every service but those left out. */
    public Set<String> requiredImages(Set<String> leftOut) {
        Set<String> images = new LinkedHashSet<>();
        services.forEach((name, service) -> {
            if (leftOut.contains(name)) {
                return;
            }
            if (isBuilt(name)) {
                dockerfile(name).ifPresent(dockerfile -> images.addAll(baseImages(dockerfile)));
            } else if (service.hasNonNull("image")) {
                images.add(service.get("image").asText());
            }
        });
        return images;
    }

    /** The images a Dockerfile starts FROM (its own stages aside). */
    public static Set<String> baseImages(Path dockerfile) {
        Set<String> images = new LinkedHashSet<>();
        Set<String> stages = new LinkedHashSet<>();
        for (String line : lines(dockerfile)) {
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
        return images;
    }

    /** The base of each stage, in order, a stage built on an earlier one taking that one's base. */
    private static List<String> stageBases(Path dockerfile) {
        Map<String, String> stages = new LinkedHashMap<>();
        List<String> bases = new ArrayList<>();
        for (String line : lines(dockerfile)) {
            Matcher from = FROM.matcher(line);
            if (from.find()) {
                String base = stages.getOrDefault(from.group(1), from.group(1));
                bases.add(base);
                Matcher stage = STAGE.matcher(line);
                if (stage.find()) {
                    stages.put(stage.group(1), base);
                }
            }
        }
        return bases;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of(); // a missing Dockerfile is reported by compose itself when the stack boots
        }
    }

    /**
     * What a service sees of the submission's files: its volumes (bind mounts and named volumes), its
     * {@code configs:} and {@code secrets:} (read as single-file binds), and for a built service the files its
     * Dockerfile copies in (under the mounts, which hide them at run time).
     */
    public List<Mount> mounts(String service) {
        List<Mount> mounts = new ArrayList<>();
        if (isBuilt(service)) {
            mounts.addAll(copiedIn(service));
        }
        JsonNode node = services.get(service);
        node.path("volumes").forEach(volume -> mounts.add(mount(service, volume)));
        node.path("configs").forEach(config -> topLevelFile(service, "configs", config, "/").ifPresent(mounts::add));
        node.path("secrets").forEach(secret -> topLevelFile(service, "secrets", secret, "/run/secrets/").ifPresent(mounts::add));
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

    /** A service's reference to a top-level config or secret: its file, seen at its target (default {@code /<name>}). */
    private Optional<Mount> topLevelFile(String service, String kind, JsonNode reference, String defaultFolder) {
        String name = reference.isObject() ? reference.path("source").asText("") : reference.asText();
        String target = reference.isObject() && reference.hasNonNull("target") ? reference.get("target").asText()
                : defaultFolder + name;
        if (!target.startsWith("/")) {
            target = defaultFolder + target;
        }
        JsonNode declared = tree.path(kind).path(name);
        if (!declared.hasNonNull("file")) {
            return Optional.empty();
        }
        return Optional.of(new Mount(service, declared.get("file").asText(), resolve(declared.get("file").asText()), target, true));
    }

    /** The COPY and ADD lines of a service's Dockerfile, from its build context (multi-source copies land in a folder). */
    private List<Mount> copiedIn(String service) {
        Optional<Path> context = buildContext(service);
        Optional<Path> dockerfile = dockerfile(service);
        if (context.isEmpty() || dockerfile.isEmpty()) {
            return List.of();
        }
        String workdir = "/";
        List<Mount> copies = new ArrayList<>();
        for (String line : lines(dockerfile.get())) {
            Matcher workdirLine = Pattern.compile("(?i)^\\s*WORKDIR\\s+(\\S+)").matcher(line);
            if (workdirLine.find()) {
                workdir = workdirLine.group(1).startsWith("/") ? workdirLine.group(1) : workdir + "/" + workdirLine.group(1);
                continue;
            }
            Matcher copy = COPY.matcher(line);
            if (!copy.find() || copy.group(1).startsWith("[")) {
                continue;
            }
            String[] words = copy.group(1).split("\\s+");
            if (words.length < 2) {
                continue;
            }
            String destination = words[words.length - 1];
            String absolute = destination.startsWith("/") ? destination : workdir + "/" + destination;
            for (int i = 0; i < words.length - 1; i++) {
                Path source = context.get().resolve(words[i]).normalize();
                String target = Files.isRegularFile(source) && (absolute.endsWith("/") || words.length > 2)
                        ? absolute.replaceAll("/+$", "") + "/" + source.getFileName() : absolute.replaceAll("(?<=.)/+$", "");
                copies.add(new Mount(service, words[i], source, target.replace("//", "/"), true));
            }
        }
        return copies;
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
        List<Mount> mounts = mounts(service);
        Optional<Mount> deepest = Optional.empty();
        for (Mount mount : mounts) {
            if (mount.hostPathOf(containerPath) != null
                    && deepest.map(d -> mount.target().length() >= d.target().length()).orElse(true)) {
                deepest = Optional.of(mount);
            }
        }
        return deepest.map(mount -> mount.hostPathOf(containerPath));
    }

    /**
     * Every file a service's container sees from the submission, by its container path: each bind mount's
     * files (a folder walked), a deeper mount hiding what a shallower one puts at the same place.
     */
    public Map<String, Path> filesSeenBy(String service) {
        Map<String, Path> seen = new LinkedHashMap<>();
        List<Mount> binds = mounts(service).stream().filter(Mount::isBind)
                .sorted(java.util.Comparator.comparingInt(m -> m.target().length())).toList();
        for (Mount mount : binds) {
            String target = mount.target().replaceAll("(?<=.)/+$", "");
            Path host = mount.hostPath();
            if (Files.isRegularFile(host)) {
                seen.put(target, host);
            } else if (Files.isDirectory(host)) {
                try (Stream<Path> files = Files.walk(host, 8)) {
                    files.filter(Files::isRegularFile).forEach(f -> seen.put(target + "/" + host.relativize(f), f));
                } catch (IOException | java.io.UncheckedIOException e) {
                    // an unreadable folder shows nothing, as it would in the container
                }
            }
        }
        seen.keySet().removeIf(path -> hostPathOf(service, path).map(h -> !h.equals(seen.get(path))).orElse(false));
        return seen;
    }
}
