package obsgrader.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A student's folder, read once without Docker and immutable afterwards: the compose file and every YAML and
 * JSON file parsed at load, and the configuration files found as the containers see them (through the
 * compose file's mounts, configs and Dockerfile copies, and the flags pointing at them), by name only as a
 * fallback.
 */
public final class Submission {
    public static final List<String> COMPOSE_NAMES =
            List.of("docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml");
    private static final String PROMETHEUS_CONFIG = "/etc/prometheus/prometheus.yml";
    private static final String ALERTMANAGER_CONFIG = "/etc/alertmanager/alertmanager.yml";
    private static final String GRAFANA_PROVISIONING = "/etc/grafana/provisioning";
    private static final Pattern README = Pattern.compile("(?i)^readme(\\.(md|markdown|txt|adoc|rst))?$");
    private static final Pattern DOCUMENT = Pattern.compile("(?i).*\\.(md|markdown|txt|adoc|rst)$");
    private static final Pattern PARSED = Pattern.compile("(?i).*\\.(ya?ml|json)$");
    /** Dependencies and build output hold no work of the student's. */
    private static final Set<String> NOT_THE_STUDENTS = Set.of("node_modules", "venv", "site-packages", "__pycache__", "target", "dist");
    private static final int DEPTH = 6;

    private final Path root;
    private final ComposeFile compose;
    private final List<Path> files;
    private final Map<Path, Yaml.ParseResult> parsed;
    /** The folders, links resolved, whose files may be read: the submission's own, and reference material. */
    private final List<Path> readable;
    /** The submission's links that lead out of {@link #readable}, relative to its root: not read. */
    private final List<Path> linksOut;

    private Submission(Path root, ComposeFile compose, List<Path> files, Map<Path, Yaml.ParseResult> parsed,
                       List<Path> readable, List<Path> linksOut) {
        this.root = root;
        this.compose = compose;
        this.files = files;
        this.parsed = parsed;
        this.readable = readable;
        this.linksOut = linksOut;
    }

    /** Reads a folder, and nothing its links lead to outside it. */
    public static Submission load(Path folder) {
        return load(folder, List.of());
    }

    /**
     * Reads a folder; never throws for what is inside it: unreadable files are listed in {@link #invalidFiles()}.
     * A link leading out of it is not followed (a {@code prometheus.yml} linked to a file of the grading machine
     * would put that file in the report), unless it leads into {@code referenceMaterial} (the grader's sample-api,
     * which the reference links to): such links are listed in {@link #linksOut()}.
     */
    public static Submission load(Path folder, List<Path> referenceMaterial) {
        Path root = folder.toAbsolutePath().normalize();
        List<Path> readable = new ArrayList<>();
        realPath(root).ifPresent(readable::add);
        referenceMaterial.stream().map(Submission::realPath).flatMap(Optional::stream).forEach(readable::add);
        List<Path> walked = walk(root);
        List<Path> files = walked.stream().filter(file -> within(file, readable)).toList();
        List<Path> linksOut = walked.stream().filter(file -> !within(file, readable)).map(root::relativize).toList();
        Map<Path, Yaml.ParseResult> parsed = new LinkedHashMap<>();
        files.stream().filter(p -> PARSED.matcher(p.getFileName().toString()).matches()).forEach(p -> parsed.put(p, Yaml.read(p)));
        ComposeFile compose = composePathIn(root).filter(path -> within(path, readable))
                .map(path -> parsed.computeIfAbsent(path, Yaml::read))
                .filter(result -> result.ok() && result.tree().path("services").isObject())
                .map(result -> new ComposeFile(composePathIn(root).orElseThrow(), result.tree()))
                .orElse(null);
        return new Submission(root, compose, files, Collections.unmodifiableMap(parsed), List.copyOf(readable), linksOut);
    }

    /** The same folder with another model of its compose file: the one compose resolves from it. */
    public Submission withCompose(ComposeFile resolved) {
        return new Submission(root, resolved, files, parsed, readable, linksOut);
    }

    private static Optional<Path> composePathIn(Path root) {
        return COMPOSE_NAMES.stream().map(root::resolve).filter(Files::isRegularFile).findFirst();
    }

    private static Optional<Path> realPath(Path path) {
        try {
            return Optional.of(path.toRealPath());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether a path, links resolved, lies in one of these folders; a path that does not exist is read as written. */
    private static boolean within(Path path, List<Path> folders) {
        Path real = realPath(path).orElse(path.toAbsolutePath().normalize());
        return folders.stream().anyMatch(real::startsWith);
    }

    /** Whether the grader may read this file: it lies, links resolved, in the submission or its reference material. */
    public boolean readable(Path file) {
        return within(file, readable);
    }

    /** The files reached through links leading out of the submission, relative to its root: never read. */
    public List<Path> linksOut() {
        return linksOut;
    }

    public Path root() {
        return root;
    }

    public boolean exists() {
        return Files.isDirectory(root);
    }

    public Optional<ComposeFile> compose() {
        return Optional.ofNullable(compose);
    }

    /** The compose file's path, even when it could not be parsed. */
    public Optional<Path> composePath() {
        return composePathIn(root);
    }

    /** The YAML and JSON files of the submission that do not parse, and why; a compose file without services too. */
    public List<InvalidFile> invalidFiles() {
        List<InvalidFile> invalid = new ArrayList<>();
        composePath().filter(path -> compose == null && parse(path).ok())
                .ifPresent(path -> invalid.add(new InvalidFile(path, 1, "has no 'services:' mapping")));
        parsed.values().stream().filter(result -> !result.ok()).map(Yaml.ParseResult::invalid).forEach(invalid::add);
        return invalid;
    }

    /**
     * A YAML or JSON file, as parsed at load (a file elsewhere in the submission is read now, and not kept); a
     * file outside it, links resolved, is never read.
     */
    public Yaml.ParseResult parse(Path file) {
        Yaml.ParseResult result = parsed.get(file);
        if (result != null) {
            return result;
        }
        return readable(file) ? Yaml.read(file)
                : new Yaml.ParseResult(MissingNode.getInstance(), new InvalidFile(file, 0, "lies outside the submission: not read"));
    }

    /** The file Prometheus reads its configuration from: its {@code --config.file}, as its container sees it. */
    public Optional<Path> prometheusConfig() {
        return configOf(LabRole.PROMETHEUS, PROMETHEUS_CONFIG, "prometheus.yml", "prometheus.yaml");
    }

    public Optional<Path> alertmanagerConfig() {
        return configOf(LabRole.ALERTMANAGER, ALERTMANAGER_CONFIG, "alertmanager.yml", "alertmanager.yaml");
    }

    /** The configuration's path inside the container (its flag, else the image's default). */
    private String containerConfigPath(LabRole role, String imageDefault) {
        return compose().flatMap(c -> c.serviceFor(role).flatMap(s -> c.flag(s, "--config.file"))).orElse(imageDefault);
    }

    private Optional<Path> configOf(LabRole role, String imageDefault, String... fileNames) {
        Optional<Path> mounted = compose()
                .flatMap(c -> c.serviceFor(role).flatMap(s -> c.hostPathOf(s, containerConfigPath(role, imageDefault))))
                .filter(Files::isRegularFile).filter(this::readable);
        return mounted.isPresent() ? mounted : files(p -> List.of(fileNames).contains(p.getFileName().toString())).findFirst();
    }

    /** Every rule file prometheus.yml's {@code rule_files} names, as Prometheus would load them. */
    public List<Path> ruleFiles() {
        return ruleFileGlobs().values().stream().flatMap(List::stream).distinct().toList();
    }

    /**
     * Each {@code rule_files} entry and the submission's files it matches inside the Prometheus container (an
     * empty list is an entry that matches nothing there). A relative entry is relative to the configuration
     * file's folder, as Prometheus reads it. When the configuration is not mounted into a Prometheus service,
     * entries are matched on the host, relative to the file.
     */
    public Map<String, List<Path>> ruleFileGlobs() {
        Map<String, List<Path>> globs = new LinkedHashMap<>();
        prometheusConfig().ifPresent(config -> {
            Optional<String> prometheus = compose().flatMap(c -> c.serviceFor(LabRole.PROMETHEUS))
                    .filter(s -> compose.hostPathOf(s, containerConfigPath(LabRole.PROMETHEUS, PROMETHEUS_CONFIG))
                            .filter(config::equals).isPresent());
            String configFolder = parentOf(containerConfigPath(LabRole.PROMETHEUS, PROMETHEUS_CONFIG));
            for (JsonNode entry : parse(config).tree().path("rule_files")) {
                String pattern = entry.asText();
                globs.put(pattern, prometheus
                        .map(service -> matchInContainer(compose.filesSeenBy(service), absolute(configFolder, pattern)))
                        .orElseGet(() -> matchOnHost(absolute(config.getParent().toString(), pattern)))
                        .stream().filter(this::readable).toList());
            }
        });
        return globs;
    }

    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash <= 0 ? "/" : path.substring(0, slash);
    }

    private static String absolute(String folder, String pattern) {
        return pattern.startsWith("/") ? pattern : folder.replaceAll("/+$", "") + "/" + pattern;
    }

    private static List<Path> matchInContainer(Map<String, Path> seen, String pattern) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        return seen.entrySet().stream().filter(e -> matcher.matches(Path.of(e.getKey())))
                .map(Map.Entry::getValue).distinct().sorted().toList();
    }


    private List<Path> matchOnHost(String pattern) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        return files.stream().filter(matcher::matches).toList();
    }

    /** Exported dashboards: JSON files of the submission holding panels (the current schema) or rows (Grafana's older one). */
    public List<Path> dashboards() {
        return files.stream().filter(p -> p.toString().endsWith(".json"))
                .filter(p -> {
                    JsonNode tree = parse(p).tree();
                    JsonNode model = tree.has("dashboard") ? tree.path("dashboard") : tree;
                    return model.path("panels").isArray() || model.path("rows").isArray();
                })
                .toList();
    }

    /** The submission's documents (Markdown and text), the README first; none from dependencies or build output. */
    public List<Path> documents() {
        List<Path> documents = new ArrayList<>(files(p -> DOCUMENT.matcher(p.getFileName().toString()).matches()).toList());
        readme().ifPresent(readme -> {
            documents.remove(readme);
            documents.add(0, readme);
        });
        return documents;
    }

    public Optional<Path> readme() {
        return files(p -> README.matcher(p.getFileName().toString()).matches())
                .min((a, b) -> Integer.compare(a.getNameCount(), b.getNameCount()));
    }

    /** Grafana's provisioning folder on the host, through the grafana service's mounts ({@code GF_PATHS_PROVISIONING} honoured). */
    public Optional<Path> grafanaProvisioning() {
        Optional<Path> mounted = compose().flatMap(c -> c.serviceFor(LabRole.GRAFANA).flatMap(s -> c.hostPathOf(s,
                        c.environment(s, "GF_PATHS_PROVISIONING").orElse(GRAFANA_PROVISIONING))))
                .filter(Files::isDirectory).filter(this::readable);
        return mounted.isPresent() ? mounted
                : walkDirs().filter(p -> p.getFileName().toString().equals("provisioning")).findFirst();
    }

    /** The host file behind a path inside the grafana container, if the submission puts one there. */
    public Optional<Path> grafanaFile(String containerPath) {
        return compose().flatMap(c -> c.serviceFor(LabRole.GRAFANA).flatMap(s -> c.hostPathOf(s, containerPath)))
                .filter(Files::exists).filter(this::readable);
    }

    /** Every regular file of the submission, sorted (hidden folders, dependencies and build output left out). */
    public List<Path> files() {
        return files;
    }

    private Stream<Path> files(Predicate<Path> filter) {
        return files.stream().filter(filter);
    }

    private Stream<Path> walkDirs() {
        return files.stream().map(Path::getParent).distinct()
                .flatMap(dir -> Stream.iterate(dir, d -> d != null && d.startsWith(root), Path::getParent)).distinct().sorted();
    }

    private static boolean skipped(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".") || NOT_THE_STUDENTS.contains(name.toString())) {
                return true;
            }
        }
        return false;
    }

    private static List<Path> walk(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(root, DEPTH, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            return all.filter(p -> !skipped(root.relativize(p))).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return walkWithoutLinks(root);
        }
    }

    /** A link loop (or a link to an unreadable place) stops the walk that follows links: walk without them. */
    private static List<Path> walkWithoutLinks(Path root) {
        try (Stream<Path> all = Files.walk(root, DEPTH)) {
            return all.filter(p -> !skipped(root.relativize(p))).filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of();
        }
    }
}
