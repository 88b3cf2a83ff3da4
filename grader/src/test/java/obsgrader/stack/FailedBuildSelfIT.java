package obsgrader.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import obsgrader.engine.DockerEngine;
import obsgrader.engine.Shell;
import obsgrader.images.StandInImages;
import obsgrader.submission.Submission;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A submission whose API does not build leaves nothing of its run: no container, network, volume or image,
 * labelled or not, and the real engine's output is read as the API's failed build ("would not build"). The API is
 * the reference's, broken by a COPY of a file that is not there or as students' were (a RUN step that fails). An
 * ENV line carrying a token of the test's own makes every step new to the engine's cache, so the build really makes
 * its step containers and images, and lets the test find them without trusting the grader's own attribution. No
 * stack boots: seconds. What the boot decides on such a failure is unit-tested ({@code LabStackBootTest}), and a
 * grading whose boot fails is the flawed corpus's {@code compose-names-missing-file}: together they replace the
 * corpus's former live case {@code image-does-not-build} (38 s of live grading).
 */
class FailedBuildSelfIT {
    private static final Duration DOCKER = Duration.ofSeconds(60);
    private static final Path REFERENCE_API = Path.of(System.getProperty("obsgrader.root", "..")).resolve("sample-api");
    private static final String PIP_STEP = "RUN pip install flask prometheus_client redis psycopg2-binary\n";

    @TempDir
    Path folder;

    @BeforeAll
    static void images() {
        DockerEngine.ensureRunning();
        assertThat(StandInImages.fromCatalog().ensure(Set.of("python:3.11-slim", "redis:7-alpine")).unavailable()).isEmpty();
    }

    static Stream<String> brokenSteps() {
        return Stream.of("COPY requirements.txt .\nRUN pip install -r requirements.txt\n", PIP_STEP + "RUN exit 1\n");
    }

    @ParameterizedTest(name = "the API build fails at: {0}")
    @MethodSource("brokenSteps")
    void aFailedBuildLeavesNothingOfItsRun(String brokenStep) throws IOException {
        String token = "obsgrader-selftest-" + UUID.randomUUID();
        Files.createDirectories(folder.resolve("app"));
        Files.copy(REFERENCE_API.resolve("app.py"), folder.resolve("app/app.py"));
        String dockerfile = Files.readString(REFERENCE_API.resolve("Dockerfile"));
        assertThat(dockerfile).contains("FROM python:3.11-slim\n", PIP_STEP);
        Files.writeString(folder.resolve("app/Dockerfile"), dockerfile
                .replace("FROM python:3.11-slim\n", "FROM python:3.11-slim\nENV SELFTEST_TOKEN=" + token + "\n")
                .replace(PIP_STEP, brokenStep));
        Files.writeString(folder.resolve("docker-compose.yml"), """
                services:
                  api: {build: ./app, ports: ["5000:5000"], depends_on: [redis]}
                  redis: {image: "redis:7-alpine"}
                volumes:
                  data:
                """);
        LabStack stack = SelfTestStacks.of(Submission.load(folder).compose().orElseThrow()).withRunFolder(folder.resolve("run"));

        List<String> before = leftOf(stack.runId(), token);
        assertThatThrownBy(stack::start).isInstanceOf(StackFailure.class).hasMessageContaining("would not build");
        List<String> afterTheFailure = leftOf(stack.runId(), token);
        stack.close();
        List<String> afterClose = leftOf(stack.runId(), token);
        System.out.printf("failed build (%s): before %s; after the failure %s; after close %s%n",
                brokenStep.strip().replace('\n', ' '), before, afterTheFailure, afterClose);

        assertThat(before).isEmpty();
        assertThat(afterTheFailure).as("what the failed build left, before the stack is closed").isEmpty();
        assertThat(afterClose).isEmpty();
    }

    /** The run's labelled containers, networks, volumes and images, and every container or image built with the token. */
    private static List<String> leftOf(String runId, String token) {
        List<String> left = new ArrayList<>(MaliciousCorpusSelfIT.leftOver(runId));
        String label = "label=" + ComposeSanitiser.RUN_LABEL + "=" + runId;
        AbandonedRunSelfIT.docker("images", "-aq", "--filter", label).lines().map(id -> "image " + id).forEach(left::add);
        withToken("container", AbandonedRunSelfIT.docker("ps", "-aq"), token).forEach(left::add);
        withToken("image", AbandonedRunSelfIT.docker("images", "-aq"), token).forEach(left::add);
        return left.stream().distinct().toList();
    }

    private static Stream<String> withToken(String kind, String ids, String token) {
        List<String> all = ids.lines().filter(id -> !id.isBlank()).distinct().toList();
        if (all.isEmpty()) {
            return Stream.empty();
        }
        List<String> command = new ArrayList<>(List.of("docker", "inspect", "--format", "{{.Id}} {{.Config.Env}}"));
        command.addAll(all);
        return Shell.run(DOCKER, command.toArray(String[]::new)).output().lines()
                .filter(line -> line.contains(token))
                .map(line -> kind + " " + line.substring(0, Math.min(19, line.length())));
    }
}
