package obsgrader.engine;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The engine through the {@code docker} command, the grader's one way to it besides {@link Compose} (see there
 * why). Only what engines 20.10 to 28 all accept is used: {@code ls -q --filter label=...}, {@code inspect
 * --format '{{json .}}'} (one object a line; {@code --format json} is 23+ only), {@code rm -f}, {@code stop -t}.
 */
public final class Docker {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ASK = Duration.ofSeconds(30);

    private Docker() {
    }

    /** What can be listed by label and inspected. */
    public enum Kind {
        CONTAINER("container", "ls", "-a", "-q"), NETWORK("network", "ls", "-q"), VOLUME("volume", "ls", "-q"),
        IMAGE("image", "ls", "-q");

        private final List<String> list;

        Kind(String... list) {
            this.list = List.of(list);
        }

        private String noun() {
            return list.get(0);
        }
    }

    /** One container as {@code docker container inspect} shows it. */
    public record Container(JsonNode inspect) {
        public String id() {
            return inspect.path("Id").asText();
        }

        public Optional<String> label(String name) {
            return Optional.ofNullable(labels().get(name));
        }

        public Map<String, String> labels() {
            return Docker.labels(inspect.path("Config").path("Labels"));
        }

        public String status() {
            return inspect.path("State").path("Status").asText();
        }

        public boolean running() {
            return inspect.path("State").path("Running").asBoolean();
        }

        public boolean restarting() {
            return inspect.path("State").path("Restarting").asBoolean();
        }

        public int restartCount() {
            return inspect.path("RestartCount").asInt();
        }

        public long exitCode() {
            return inspect.path("State").path("ExitCode").asLong();
        }

        /** The host port a container port (tcp) is published on, if it is. */
        public Optional<String> hostPort(int containerPort) {
            JsonNode bindings = inspect.path("NetworkSettings").path("Ports").path(containerPort + "/tcp");
            return bindings.isArray() && !bindings.isEmpty() ? Optional.of(bindings.get(0).path("HostPort").asText())
                    : Optional.empty();
        }
    }

    /**
     * The address published ports are reached at: the engine's loopback when it runs on this machine, its host
     * when {@code DOCKER_HOST} is {@code tcp://HOST:PORT} elsewhere (a CI job's {@code docker:dind} service).
     */
    public static String publishedHost() {
        return remoteHost().orElse("127.0.0.1");
    }

    /**
     * The address ports are published on: the loopback, so that nothing outside the machine reaches a student's
     * stack; all addresses of a remote engine, whose loopback nobody else can reach and whose network is the job's.
     */
    public static String bindAddress() {
        return remoteHost().isPresent() ? "0.0.0.0" : "127.0.0.1";
    }

    private static Optional<String> remoteHost() {
        String dockerHost = Optional.ofNullable(System.getenv("DOCKER_HOST")).orElse("");
        if (!dockerHost.startsWith("tcp://")) {
            return Optional.empty();
        }
        String host = URI.create(dockerHost).getHost();
        return host == null || List.of("localhost", "127.0.0.1", "::1", "[::1]").contains(host) ? Optional.empty()
                : Optional.of(host);
    }

    /** Runs {@code docker ARGS...}. */
    public static Shell.Result run(Duration timeout, String... args) {
        String[] words = new String[args.length + 1];
        words[0] = "docker";
        System.arraycopy(args, 0, words, 1, args.length);
        return Shell.run(timeout, words);
    }

    /** For the report's header: {@code Docker Engine 20.10.24 (API 1.41)}. */
    public static String describeEngine() {
        Shell.Result version = run(ASK, "version", "--format", "{{.Server.Version}} (API {{.Server.APIVersion}})");
        return version.ok() ? "Docker Engine " + version.output().strip() : "Docker Engine (version unknown)";
    }

    /** The containers carrying a label ({@code name} or {@code name=value}), stopped ones included. */
    public static List<Container> containers(String label) {
        return inspect(Kind.CONTAINER, label).stream().map(Container::new).toList();
    }

    /**
     * What of a kind carries a label, inspected. Something removed between the listing and the inspection is
     * simply not there: inspect prints the others, one JSON object a line, and its complaint is skipped.
     */
    public static List<JsonNode> inspect(Kind kind, String label) {
        List<String> list = new ArrayList<>(List.of(kind.noun()));
        list.addAll(kind.list.subList(1, kind.list.size()));
        list.addAll(List.of("--filter", "label=" + label));
        Shell.Result listing = run(ASK, list.toArray(String[]::new));
        if (!listing.ok()) {
            // an engine that does not list is the machine's fault: never "the submission's container is gone"
            throw new EnvironmentFault(msg("grader.machine.docker-failed", String.join(" ", list), listing.tail(3)));
        }
        List<String> ids = listing.output().lines()
                .map(String::strip).filter(id -> id.matches("[\\w.-]+")).distinct().toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<String> inspect = new ArrayList<>(List.of(kind.noun(), "inspect", "--format", "{{json .}}"));
        inspect.addAll(ids);
        List<JsonNode> found = new ArrayList<>();
        run(ASK, inspect.toArray(String[]::new)).output().lines().filter(line -> line.startsWith("{")).forEach(line -> {
            try {
                found.add(JSON.readTree(line));
            } catch (JsonProcessingException e) {
                throw new EnvironmentFault(msg("grader.machine.inspect-not-json", kind.noun(), line));
            }
        });
        return found;
    }

    /** A {@code Labels} object of an inspection (null when there are none) as a map. */
    public static Map<String, String> labels(JsonNode labels) {
        Map<String, String> map = new TreeMap<>();
        labels.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
