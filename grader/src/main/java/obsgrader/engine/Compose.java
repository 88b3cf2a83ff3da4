package obsgrader.engine;

import static obsgrader.i18n.Message.msg;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The compose command line that boots a run's stack: Compose v2 ({@code docker compose}, or a v2
 * {@code docker-compose}) first, v1 as the fallback, found once per run. Only what both flavours accept is asked
 * of it ({@code config -q}, {@code build}, {@code up -d --no-build}, {@code down -v}), and containers are found by
 * the run's labels, never by name, so v2's {@code project-service-1} and v1's {@code project_service_1} never
 * matter. Why the command line, not a Java client: compose only exists as a command, and the {@code docker}
 * command negotiates its API version with whatever engine answers (20.10's API 1.41 to 28's 1.51), so one way
 * reaches every engine a school runs.
 *
 * @param command the words that start a compose command ({@code docker compose}, or a binary's path)
 * @param flavour v1 or v2
 * @param version as the binary reports it ({@code 2.26.1}, {@code 1.29.2})
 */
public record Compose(List<String> command, Flavour flavour, String version) {
    private static final Duration ASK = Duration.ofSeconds(20);

    public enum Flavour { V1, V2 }

    /** Which compose a run asks for ({@code -Dgrader.compose}): {@code auto} takes v2 when there is one. */
    public enum Choice {
        AUTO, V1, V2;

        public static Choice parse(String value) {
            try {
                return value.isBlank() ? AUTO : valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new EnvironmentFault(msg("grader.machine.compose-choice", value));
            }
        }
    }

    /**
     * The compose to use for a choice. v2 is the {@code docker compose} plugin, a v2 {@code docker-compose} on
     * the PATH, or the one the grader keeps ({@link DebianCompose}); asked for and missing, it is installed
     * there, from {@code debian}. v1 is a v1 {@code docker-compose} on the PATH, installed from Debian when missing.
     */
    public static Compose resolve(Choice choice, DebianCompose.Source debian) {
        Optional<Compose> found = switch (choice) {
            case V2 -> findV2();
            case V1 -> findV1();
            case AUTO -> findV2().or(Compose::findV1);
        };
        return found.orElseGet(() -> install(choice, debian));
    }

    private static Compose install(Choice choice, DebianCompose.Source debian) {
        if (choice == Choice.V1) {
            DockerEngine.ensureHostTool("docker-compose", "docker-compose");
            return findV1().orElseThrow(() -> new EnvironmentFault(msg("grader.machine.not-compose-v1")));
        }
        Path binary = DebianCompose.install(debian);
        return probe(List.of(binary.toString()), Flavour.V2).orElseThrow(() ->
                new EnvironmentFault(msg("grader.machine.compose-v2-broken", binary)));
    }

    /** The plugin first, then a v2 {@code docker-compose} on the PATH, then the grader's own; none is installed. */
    public static Optional<Compose> findV2() {
        return probe(List.of("docker", "compose"), Flavour.V2)
                .or(() -> probe(List.of("docker-compose"), Flavour.V2))
                .or(() -> Files.isExecutable(DebianCompose.binary())
                        ? probe(List.of(DebianCompose.binary().toString()), Flavour.V2) : Optional.empty());
    }

    /** A v1 {@code docker-compose} on the PATH; none is installed. */
    public static Optional<Compose> findV1() {
        return probe(List.of("docker-compose"), Flavour.V1);
    }

    private static Optional<Compose> probe(List<String> command, Flavour wanted) {
        return probe(command).filter(compose -> compose.flavour == wanted);
    }

    /** {@code version --short} prints {@code 2.26.1} (v2; some builds prefix a {@code v}) or {@code 1.29.2} (v1). */
    static Optional<Compose> probe(List<String> command) {
        List<String> words = new ArrayList<>(command);
        words.addAll(List.of("version", "--short"));
        Shell.Result result = Shell.run(ASK, words.toArray(String[]::new));
        if (!result.ok()) {
            return Optional.empty();
        }
        return parseVersion(result.output()).map(version -> new Compose(List.copyOf(command),
                version.startsWith("1.") ? Flavour.V1 : Flavour.V2, version));
    }

    static Optional<String> parseVersion(String output) {
        String version = output.strip().replaceFirst("^v", "");
        return version.matches("\\d+\\.\\d+.*") ? Optional.of(version.split("\\s")[0]) : Optional.empty();
    }

    /**
     * Runs {@code compose -p PROJECT -f FILE ARGS...} in the file's folder, without the grader's environment
     * ({@link Shell#runClean}): whatever the file or its builds name, {@code ${GITHUB_TOKEN}} stays empty.
     * {@code COMPOSE_PROFILES} and its kin come from the project's {@code .env} only.
     */
    public Shell.Result run(Duration timeout, String project, Path file, String... args) {
        List<String> words = new ArrayList<>(command);
        words.addAll(List.of("-p", project, "-f", file.toString()));
        words.addAll(List.of(args));
        return Shell.runClean(timeout, file.toAbsolutePath().getParent(), Map.of(), words.toArray(String[]::new));
    }

    /** For the report's header: {@code Compose 2.26.1 (v2, docker compose)}. */
    public String describe() {
        return "Compose " + version + " (" + flavour.name().toLowerCase(Locale.ROOT) + ", " + String.join(" ", command) + ")";
    }
}
