package obsgrader.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import obsgrader.checks.Patience;
import obsgrader.engine.DockerEngine;
import obsgrader.engine.Shell;
import obsgrader.images.StandInImages;
import obsgrader.submission.Submission;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The malicious corpus on a real engine: what the policy refuses never starts; what it allows runs inside
 * the grader's limits, leaves the host alone, and is gone after close().
 */
class MaliciousCorpusSelfIT {
    private static final Limits TIGHT = new Limits("128m", 0.5, 64, "1m");
    private static final Duration EFFECT = Duration.ofSeconds(60);

    @TempDir
    Path runs;

    @BeforeAll
    static void images() {
        DockerEngine.ensureRunning();
        assertThat(StandInImages.fromCatalog().ensure(Set.of("python:3.11-slim", "prom/node-exporter:latest"))
                .unavailable()).isEmpty();
        Canary.plant();
    }

    /** A case copied beside the canary ({@link Canary}): its paths out of the submission name planted files. */
    private LabStack stackOf(Path corpusCase) {
        Path folder = Canary.submission(corpusCase);
        return SelfTestStacks.of(Submission.load(folder).compose().orElseThrow())
                .withRunFolder(runs.resolve(folder.getFileName()))
                .withPolicy(new SubmissionPolicy(List.of(folder.toAbsolutePath())))
                .withLimits(TIGHT)
                .withUpTimeout(Duration.ofMinutes(2));
    }

    static Stream<Path> refusedCases() throws IOException {
        return SubmissionPolicyTest.refusedCases();
    }

    @ParameterizedTest(name = "{0} is refused before anything starts")
    @MethodSource("refusedCases")
    void refusedCasesNeverStart(Path folder) {
        LabStack stack = stackOf(folder);

        assertThatThrownBy(stack::start).isInstanceOf(StackFailure.class).hasMessageStartingWith("refused to run");
        assertThat(leftOver(stack.runId())).isEmpty();
    }

    /**
     * The cases that run although they reach for the host, booted together: node-exporter whose entrypoint prints
     * a host file, a profile that switches a privileged service on, variables of the grader's environment. The
     * engine is asked (inspect of every container the run created, as its events list them) whether any could
     * read the host; then nothing planted appears anywhere in what the run wrote.
     */
    @Test
    void theCasesReachingForTheHostRunWithoutIt() throws IOException {
        for (String name : List.of("node-exporter-shell", "profile-switched-on", "canary-variables")) {
            Instant started = Instant.now();
            LabStack stack = stackOf(SubmissionPolicyTest.CORPUS.resolve(name)).start();
            try {
                Patience.waitUpTo(EFFECT, () -> stack.services().stream().allMatch(ServiceState::running));
                List<String> created = createdSince(started, stack.runId());
                assertThat(created).as(name + ": containers created").isNotEmpty();
                created.forEach(id -> assertThat(hostAccess(id)).as(name + ": " + id).isEmpty());
            } finally {
                stack.close();
            }
            assertThat(stack.leftOut()).as(name).allMatch(service -> !service.equals("api"));
            try (Stream<Path> files = Files.walk(runs.resolve(name))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Canary.leaks(Files.readString(file))).as(file.toString()).isFalse();
                }
            }
            assertThat(Canary.leaks(stack.notes().toString() + stack.changes())).as(name).isFalse();
        }
    }

    /** The containers the engine created for a run, from its events (not from the grader's own list). */
    private static List<String> createdSince(Instant since, String runId) {
        // --until is whole seconds: one more, and a few tries, so that a busy engine's last events are in
        List<String> created = List.of();
        for (int attempt = 0; attempt < 5 && created.isEmpty(); attempt++) {
            Shell.Result events = Shell.run(Duration.ofSeconds(30), "docker", "events", "--since",
                    String.valueOf(since.getEpochSecond() - 1), "--until", String.valueOf(Instant.now().getEpochSecond() + 1),
                    "--filter", "type=container", "--filter", "event=create",
                    "--filter", "label=" + ComposeSanitiser.RUN_LABEL + "=" + runId, "--format", "{{.Actor.ID}}");
            created = events.output().lines().filter(line -> !line.isBlank()).toList();
        }
        return created;
    }

    /** What of the host a container was given, as the engine says: privileges, host namespaces, host binds. */
    private static List<String> hostAccess(String id) {
        Shell.Result inspect = Shell.run(Duration.ofSeconds(30), "docker", "inspect", "--format",
                "{{.HostConfig.Privileged}} {{.HostConfig.PidMode}} {{.HostConfig.NetworkMode}} {{.HostConfig.IpcMode}}"
                        + " {{.HostConfig.UTSMode}} {{.HostConfig.UsernsMode}} {{.HostConfig.CapAdd}}"
                        + " {{range .Mounts}}{{if eq .Type \"bind\"}}bind:{{.Source}} {{end}}{{end}}", id);
        return Stream.of(inspect.output().strip().split("\\s+"))
                .filter(word -> word.equals("true") || word.equals("host") || word.startsWith("bind:")
                        || word.startsWith("[") && !word.equals("[]"))
                .toList();
    }

    @Test
    void aMemoryHogIsKilledAtItsLimit() {
        try (LabStack stack = stackOf(SubmissionPolicyTest.CORPUS.resolve("memory-hog")).start()) {
            assertThat(Patience.waitUpTo(EFFECT, () -> oomKilled(stack))).as("the hog is OOM-killed").isTrue();
        }
    }

    @Test
    void aForkBombStopsAtItsProcessLimit() {
        try (LabStack stack = stackOf(SubmissionPolicyTest.CORPUS.resolve("fork-bomb")).start()) {
            assertThat(Patience.waitUpTo(EFFECT, () -> processes(stack) >= TIGHT.pids() - 2)).isTrue();
            assertThat(processes(stack)).isLessThanOrEqualTo(TIGHT.pids());
            assertThat(Shell.run(Duration.ofSeconds(10), "true").ok()).as("the host still forks").isTrue();
        }
    }

    @Test
    void aContainerIgnoringSigtermIsStillRemovedQuickly() {
        LabStack stack = stackOf(SubmissionPolicyTest.CORPUS.resolve("ignores-sigterm")).start();
        Instant closing = Instant.now();
        stack.close();

        assertThat(Duration.between(closing, Instant.now())).isLessThan(Duration.ofSeconds(60));
        assertThat(leftOver(stack.runId())).isEmpty();
    }

    @Test
    void aLogFloodIsCappedOnDisk() {
        try (LabStack stack = stackOf(SubmissionPolicyTest.CORPUS.resolve("log-flood")).start()) {
            String id = stack.services().get(0).containerId();
            Shell.Result logPath = Shell.run(Duration.ofSeconds(10), "docker", "inspect", "--format", "{{.LogPath}}", id);
            Patience.waitUpTo(Duration.ofSeconds(20), () -> logSize(logPath.output().strip()) > 500_000);
            assertThat(logSize(logPath.output().strip())).isLessThanOrEqualTo(2L * 1024 * 1024);
        }
    }

    private static boolean oomKilled(LabStack stack) {
        return Shell.run(Duration.ofSeconds(10), "docker", "inspect", "--format", "{{.State.OOMKilled}} {{.RestartCount}}",
                stack.services().get(0).containerId()).output().startsWith("true")
                || stack.services().get(0).exitCode() == 137;
    }

    private static int processes(LabStack stack) {
        Shell.Result pids = Shell.run(Duration.ofSeconds(10), "docker", "stats", "--no-stream", "--format", "{{.PIDs}}",
                stack.services().get(0).containerId());
        return Integer.parseInt(pids.output().strip());
    }

    private static long logSize(String path) {
        return Path.of(path).toFile().length();
    }

    static List<String> leftOver(String runId) {
        String label = "label=" + ComposeSanitiser.RUN_LABEL + "=" + runId;
        return Stream.of(
                Shell.run(Duration.ofSeconds(30), "docker", "ps", "-aq", "--filter", label),
                Shell.run(Duration.ofSeconds(30), "docker", "network", "ls", "-q", "--filter", label),
                Shell.run(Duration.ofSeconds(30), "docker", "volume", "ls", "-q", "--filter", label))
                .flatMap(result -> result.output().lines()).filter(line -> !line.isBlank()).toList();
    }
}
