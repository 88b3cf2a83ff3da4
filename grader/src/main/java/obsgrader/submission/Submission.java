package obsgrader.submission;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A student's folder, read without Docker: the compose file and the configuration files it mounts, found
 * as the containers see them (through the compose volume mounts), by name only as a fallback.
 */
public final class Submission {
    public static final List<String> COMPOSE_NAMES =
            List.of("docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml");
    private static final String PROMETHEUS_CONFIG = "/etc/prometheus/prometheus.yml";
    private static final String ALERTMANAGER_CONFIG = "/etc/alertmanager/alertmanager.yml";
    private static final Pattern SLO_DOC = Pattern.compile("(?i).*slo.*\\.(md|txt|adoc|rst)$");
    private static final Pattern README = Pattern.compile("(?i)^readme(\\.(md|txt|adoc|rst))?$");

    private final Path root;
    private final ComposeFile compose;
    private final Map<Path, Yaml.ParseResult> parsed = new LinkedHashMap<>();
    private final List<InvalidFile> invalidFiles = new ArrayList<>();

    private Submission(Path root, ComposeFile compose) {
        this.root = root;
        this.compose = compose;
    }

    /** Reads a folder; never throws for what is inside it: unreadable files are listed in {@link #invalidFiles()}. */
    public static Submission load(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            return new Submission(root, null);
        }
        Optional<Path> composePath = COMPOSE_NAMES.stream().map(root::resolve).filter(Files::isRegularFile).findFirst();
        if (composePath.isEmpty()) {
            return new Submission(root, null);
        }
        Submission submission = new Submission(root, null);
        Yaml.ParseResult compose = submission.parse(composePath.get());
        if (!compose.ok() || !compose.tree().path("services").isObject()) {
            if (compose.ok()) {
                submission.invalidFiles.add(new InvalidFile(composePath.get(), 1, "has no 'services:' mapping"));
            }
            return submission;
        }
        Submission loaded = new Submission(root, new ComposeFile(composePath.get(), compose.tree()));
        loaded.parsed.putAll(submission.parsed);
        return loaded;
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
        return COMPOSE_NAMES.stream().map(root::resolve).filter(Files::isRegularFile).findFirst();
    }

    public List<InvalidFile> invalidFiles() {
        return List.copyOf(invalidFiles);
    }

    /** A YAML or JSON file of the submission, parsed once; its parse error is remembered for the report. */
    public Yaml.ParseResult parse(Path file) {
        return parsed.computeIfAbsent(file, f -> {
            Yaml.ParseResult result = Yaml.read(f);
            if (!result.ok()) {
                invalidFiles.add(result.invalid());
            }
            return result;
        });
    }

    public Optional<Path> prometheusConfig() {
        return mountedOrNamed(LabRole.PROMETHEUS, flag(LabRole.PROMETHEUS, "--config.file").orElse(PROMETHEUS_CONFIG), "prometheus.yml");
    }

    public Optional<Path> alertmanagerConfig() {
        return mountedOrNamed(LabRole.ALERTMANAGER, flag(LabRole.ALERTMANAGER, "--config.file").orElse(ALERTMANAGER_CONFIG),
                "alertmanager.yml");
    }

    /** Every rule file prometheus.yml's {@code rule_files} names, container globs mapped back to the host. */
    public List<Path> ruleFiles() {
        return ruleFileGlobs().values().stream().flatMap(List::stream).distinct().toList();
    }

    /** Each {@code rule_files} entry and the host files it matches: an empty list is a glob that matches nothing. */
    public Map<String, List<Path>> ruleFileGlobs() {
        Map<String, List<Path>> globs = new LinkedHashMap<>();
        prometheusConfig().ifPresent(config -> {
            JsonNode tree = parse(config).tree();
            for (JsonNode entry : tree.path("rule_files")) {
                String pattern = entry.asText();
                globs.put(pattern, hostPattern(pattern).map(Submission::glob).orElse(List.of()));
            }
        });
        return globs;
    }

    /** A rule_files pattern as seen on the host: container paths mapped through the prometheus service's mounts. */
    public Optional<String> hostPattern(String pattern) {
        Optional<Path> config = prometheusConfig();
        if (config.isEmpty()) {
            return Optional.empty();
        }
        if (!pattern.startsWith("/")) {
            return Optional.of(config.get().getParent().resolve(pattern).toString());
        }
        int firstGlob = firstGlobChar(pattern);
        String fixed = pattern.substring(0, pattern.lastIndexOf('/', firstGlob));
        String rest = pattern.substring(fixed.length());
        return compose().flatMap(c -> c.serviceFor(LabRole.PROMETHEUS).flatMap(s -> c.hostPathOf(s, fixed)))
                .map(host -> host + rest);
    }

    private static int firstGlobChar(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if ("*?[{".indexOf(pattern.charAt(i)) >= 0) {
                return i;
            }
        }
        return pattern.length();
    }

    private static List<Path> glob(String hostPattern) {
        int firstGlob = firstGlobChar(hostPattern);
        Path base = Path.of(hostPattern.substring(0, hostPattern.lastIndexOf('/', Math.min(firstGlob, hostPattern.length() - 1)) + 1));
        if (firstGlob == hostPattern.length()) {
            Path file = Path.of(hostPattern);
            return Files.isRegularFile(file) ? List.of(file) : List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + hostPattern);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(base, 8)) {
            return files.filter(Files::isRegularFile).filter(matcher::matches).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Exported dashboards: JSON files of the submission that hold panels. */
    public List<Path> dashboards() {
        return files(p -> p.toString().endsWith(".json"))
                .filter(p -> parse(p).tree().has("panels") || parse(p).tree().path("dashboard").has("panels"))
                .toList();
    }

    public Optional<Path> sloDocument() {
        return files(p -> SLO_DOC.matcher(p.getFileName().toString()).matches()).findFirst();
    }

    public Optional<Path> readme() {
        return files(p -> README.matcher(p.getFileName().toString()).matches())
                .min((a, b) -> Integer.compare(a.getNameCount(), b.getNameCount()));
    }

    /** Grafana's provisioning folder on the host, through the grafana service's mounts. */
    public Optional<Path> grafanaProvisioning() {
        return mountedOrNamed(LabRole.GRAFANA, "/etc/grafana/provisioning", "provisioning");
    }

    private Optional<String> flag(LabRole role, String flag) {
        return compose().flatMap(c -> c.serviceFor(role).map(s -> c.services().get(s)))
                .flatMap(service -> {
                    JsonNode command = service.path("command");
                    List<String> args = new ArrayList<>();
                    if (command.isTextual()) {
                        args.addAll(List.of(command.asText().split("\\s+")));
                    } else {
                        command.forEach(arg -> args.add(arg.asText()));
                    }
                    return args.stream().map(a -> a.replaceFirst("^-+", "--"))
                            .filter(a -> a.startsWith(flag + "="))
                            .map(a -> a.substring(flag.length() + 1)).findFirst();
                });
    }

    private Optional<Path> mountedOrNamed(LabRole role, String containerPath, String fileName) {
        Optional<Path> mounted = compose()
                .flatMap(c -> c.serviceFor(role).flatMap(s -> c.hostPathOf(s, containerPath)))
                .filter(Files::exists);
        return mounted.isPresent() ? mounted : files(p -> p.getFileName().toString().equals(fileName)).findFirst()
                .or(() -> dirs(fileName).findFirst());
    }

    private Stream<Path> dirs(String name) {
        return walk().filter(Files::isDirectory).filter(p -> p.getFileName().toString().equals(name));
    }

    private Stream<Path> files(Predicate<Path> filter) {
        return walk().filter(Files::isRegularFile).filter(filter);
    }

    private static boolean isHidden(Path relative) {
        for (Path name : relative) {
            if (name.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private Stream<Path> walk() {
        if (!exists()) {
            return Stream.empty();
        }
        try (Stream<Path> all = Files.walk(root, 6)) {
            return all.filter(p -> !isHidden(root.relativize(p))).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
