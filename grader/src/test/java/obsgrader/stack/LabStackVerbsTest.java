package obsgrader.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import obsgrader.engine.Docker;
import obsgrader.engine.Engine;
import obsgrader.engine.EnvironmentFault;
import obsgrader.engine.Shell;
import obsgrader.submission.Submission;
import obsgrader.submission.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who is charged when a verb on the running stack fails, against an engine playing back recorded answers: a
 * failed {@code docker stop} is the machine's ({@link EnvironmentFault}), a service with no container or a
 * container that is down is the submission's ({@link StackFailure}).
 */
class LabStackVerbsTest {
    /** What {@code docker container inspect} printed for a running api container of a run (the fields read). */
    private static final String API = """
            {"Id": "4f2a9c", "RestartCount": 0,
             "Config": {"Labels": {"com.docker.compose.service": "api", "obsgrader.run": "RUN"}},
             "State": {"Status": "running", "Running": true, "Restarting": false, "ExitCode": 0},
             "NetworkSettings": {"Ports": {"5000/tcp": [{"HostIp": "127.0.0.1", "HostPort": "49153"}]}}}
            """;

    @TempDir
    Path folder;

    /** Plays back one answer to every command, and one list of containers; keeps the commands it was given. */
    private record Recorded(Shell.Result answer, List<Docker.Container> containers, List<List<String>> asked) implements Engine {
        Recorded(Shell.Result answer, List<Docker.Container> containers) {
            this(answer, containers, new ArrayList<>());
        }

        @Override
        public Shell.Result run(Duration timeout, String... args) {
            asked.add(List.of(args));
            return answer;
        }

        @Override
        public List<Docker.Container> containers(String label) {
            return containers;
        }
    }

    private static Docker.Container container(String json) throws Exception {
        JsonNode inspect = Yaml.JSON.readTree(json);
        return new Docker.Container(inspect);
    }

    private LabStack stackWith(Engine engine) throws Exception {
        Files.writeString(folder.resolve("docker-compose.yml"), "services:\n  api:\n    image: python:3.11-slim\n");
        return LabStack.of(Submission.load(folder).compose().orElseThrow()).withEngine(engine);
    }

    private static Shell.Result answered(int exit, String output) {
        return new Shell.Result(List.of("docker"), exit, output, false);
    }

    @Test
    void aFailedStopIsTheMachinesFault() throws Exception {
        Recorded engine = new Recorded(answered(1, "Cannot connect to the Docker daemon at unix:///var/run/docker.sock"),
                List.of(container(API)));

        assertThatThrownBy(() -> stackWith(engine).stop("api"))
                .isInstanceOf(EnvironmentFault.class).isNotInstanceOf(StackFailure.class)
                .hasMessageContaining("docker stop -t 2 4f2a9c failed").hasMessageContaining("Cannot connect");
    }

    @Test
    void aStopTheEngineDoesIsAnOutageOfTwoSecondsThenAKill() throws Exception {
        Recorded engine = new Recorded(answered(0, "4f2a9c"), List.of(container(API)));

        stackWith(engine).stop("api");

        assertThat(engine.asked()).containsExactly(List.of("stop", "-t", "2", "4f2a9c"));
    }

    @Test
    void aServiceWithoutAContainerOrDownIsTheSubmissions() throws Exception {
        assertThatThrownBy(() -> stackWith(new Recorded(answered(0, ""), List.of())).stop("api"))
                .isInstanceOf(StackFailure.class).hasMessageContaining("api");
        Docker.Container exited = container(API.replace("\"running\", \"Running\": true", "\"exited\", \"Running\": false"));
        assertThatThrownBy(() -> stackWith(new Recorded(answered(0, ""), List.of(exited))).endpoint("api", 5000))
                .isInstanceOf(StackFailure.class);
    }

    @Test
    void aRunningServiceIsReachedOnItsPublishedPort() throws Exception {
        assertThat(stackWith(new Recorded(answered(0, ""), List.of(container(API)))).endpoint("api", 5000))
                .hasToString("http://127.0.0.1:49153");
    }

    /** A run id YAML reads as a number (59030e67 is 5.903e+71) would label the run's resources with another id. */
    @Test
    void runIdsAreNeverReadAsNumbers() {
        for (int i = 0; i < 2000; i++) {
            String id = LabStack.newRunId();
            assertThat(id).matches("[0-9a-f]{8}").doesNotMatch("[0-9]*e?[0-9]*");
        }
    }
}
