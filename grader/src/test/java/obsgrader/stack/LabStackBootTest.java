package obsgrader.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import obsgrader.engine.EnvironmentFault;
import obsgrader.images.StandInImages;
import obsgrader.submission.Submission;
import obsgrader.submission.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The boot's decisions, without an engine: against a {@link RecordedHost} playing back what Docker Engine 20.10 and
 * Compose v2 printed, what is left out, what stops the boot, and who is charged (the student: {@link StackFailure};
 * the machine: {@link EnvironmentFault}, or an offline {@link BuildFailure}). The live self-tests keep what only a real
 * engine shows: that a failed build leaves nothing behind ({@code FailedBuildSelfIT}), that both flavours accept the
 * sanitised reference ({@code ComposeSelfIT}).
 */
class LabStackBootTest {
    private static final String DOWN = "down --volumes --remove-orphans --timeout 10";
    private static final String UP = "up -d --no-build";

    @TempDir
    Path folder;

    /** The lab's API and redis, and a docs service the lab does not ask for; both built services' Dockerfiles start FROM a base. */
    private LabStack stack(RecordedHost host, String apiBase, String docsBase) throws IOException {
        Files.createDirectories(folder.resolve("api"));
        Files.createDirectories(folder.resolve("docs"));
        Files.writeString(folder.resolve("api/Dockerfile"), "FROM " + apiBase + "\nCOPY requirements.txt .\n");
        Files.writeString(folder.resolve("docs/Dockerfile"), "FROM " + docsBase + "\nRUN echo docs\n");
        Files.writeString(folder.resolve("docker-compose.yml"), """
                services:
                  api: {build: ./api, ports: ["5000:5000"], depends_on: [redis]}
                  docs: {build: ./docs, depends_on: [api]}
                  redis: {image: "redis:7-alpine"}
                  prometheus: {image: "prom/prometheus:v2.52.0"}
                """);
        return LabStack.of(Submission.load(folder).compose().orElseThrow()).withRunFolder(folder.resolve("run"))
                .withHost(host).withEngine(host);
    }

    private LabStack stack(RecordedHost host) throws IOException {
        return stack(host, "python:3.11-slim", "python:3.11-slim");
    }

    private static Set<String> servicesOf(LabStack stack) {
        JsonNode services = Yaml.read(stack.sanitisedFile().toPath()).tree().path("services");
        return Set.copyOf(Stream.of("api", "docs", "redis", "prometheus").filter(services::has).toList());
    }

    @Test
    void aLabServiceThatDoesNotBuildStopsTheBootWithTheBuildsErrorLine() throws IOException {
        RecordedHost host = new RecordedHost().answering("build api", "build-lab-failed");
        try (LabStack stack = stack(host)) {
            assertThatThrownBy(stack::start).isInstanceOfSatisfying(BuildFailure.class, failure -> {
                assertThat(failure.service()).isEqualTo("api");
                assertThat(failure.errorLine()).contains("\"/requirements.txt\" not found");
                assertThat(failure.offline()).as("the student's fault").isFalse();
                assertThat(failure).hasMessageContaining("the api image would not build");
            });
            assertThat(host.asked).contains("remove leftovers").doesNotContain(UP, "build docs");
        }
    }

    @Test
    void anExtraServiceThatDoesNotBuildIsLeftOutAndTheFileWrittenAgainWithoutIt() throws IOException {
        RecordedHost host = new RecordedHost().answering("build docs", "build-extra-failed");
        try (LabStack stack = stack(host)) {
            stack.start();

            assertThat(stack.leftOut()).containsExactly("docs");
            assertThat(stack.notes().get("docs").toString()).contains("the docs image would not build",
                    "executor failed running [/bin/sh -c echo \"building the docs\" && exit 3]");
            assertThat(servicesOf(stack)).containsExactlyInAnyOrder("api", "redis", "prometheus");
            assertThat(host.asked).containsSubsequence("config -q", "build api", "build docs", "remove leftovers",
                    "config -q", "cut egress", UP);
        }
    }

    @Test
    void aComposeFileComposeRefusesIsTheStudentsNamingComposeAndItsWords() throws IOException {
        RecordedHost host = new RecordedHost().answering("config", "config-invalid");
        try (LabStack stack = stack(host)) {
            assertThatThrownBy(stack::start).isExactlyInstanceOf(StackFailure.class)
                    .hasMessageContaining("the compose file is not valid for Compose 2.26.1")
                    .hasMessageContaining("Invalid containerPort: not-a-port");
            assertThat(host.asked).doesNotContain("build api", UP);
        }
    }

    @Test
    void anUpThatTimesOutSaysSoWithTheServicesStates() throws IOException {
        RecordedHost host = new RecordedHost().timingOut("up", "up-exits").withContainer("inspect-exited");
        try (LabStack stack = stack(host)) {
            assertThatThrownBy(stack::start).isExactlyInstanceOf(StackFailure.class)
                    .hasMessageContaining("compose up did not finish within 5 min")
                    .hasMessageContaining("services not running: exits exited (exit code 3)");
        }
    }

    @Test
    void anUpThatFailsQuotesComposeAndTheServicesStates() throws IOException {
        RecordedHost host = new RecordedHost().answering("up", "up-image-absent").withContainer("inspect-exited");
        try (LabStack stack = stack(host)) {
            assertThatThrownBy(stack::start).isExactlyInstanceOf(StackFailure.class)
                    .hasMessageContaining("compose up failed: ")
                    .hasMessageContaining("Error response from daemon: Get \"https://registry-1.docker.io/v2/\"")
                    .hasMessageContaining("exits exited (exit code 3)");
        }
    }

    static Stream<Arguments> engineGoneAt() {
        return Stream.of(Arguments.of("build api", "build-no-engine"), Arguments.of("up", "up-no-engine"),
                Arguments.of("config", "build-no-engine"));
    }

    @ParameterizedTest(name = "no engine answering at compose {0}")
    @MethodSource("engineGoneAt")
    void aComposeCommandThatFailsWithNoEngineAnsweringIsTheMachinesFault(String words, String recording) throws IOException {
        RecordedHost host = new RecordedHost().answering(words, recording).withoutEngine();
        try (LabStack stack = stack(host)) {
            assertThatThrownBy(stack::start).isInstanceOf(EnvironmentFault.class).isNotInstanceOf(StackFailure.class)
                    .hasMessageContaining("no Docker engine answers")
                    .hasMessageContaining("Cannot connect to the Docker daemon");
        }
    }

    @Test
    void aFailedBuildWhileTheEngineAnswersStaysTheStudents() throws IOException {
        RecordedHost host = new RecordedHost().answering("build api", "build-lab-failed");
        try (LabStack stack = stack(host)) {
            assertThatThrownBy(stack::start).isInstanceOf(BuildFailure.class);
            assertThat(host.asked).containsSubsequence("build api", "info");
        }
    }

    @Test
    void anImageThatCannotBeHadLeavesItsServiceOutAsItDoesAnExtraServiceBuiltFromOne() throws IOException {
        RecordedHost host = new RecordedHost();
        UnaryOperator<String> absent = image -> image.startsWith("obsgrader-absent/") || image.startsWith("prom/") ? image : null;
        try (LabStack stack = stack(host, "python:3.11-slim", "obsgrader-absent/docs-base:1")
                .withImagesFrom(images -> new StandInImages.Outcome(Map.of("redis:7-alpine", "redis 7 from Debian"),
                        Set.copyOf(images.stream().map(absent).filter(image -> image != null).toList())))) {
            stack.start();

            assertThat(stack.leftOut()).containsExactlyInAnyOrder("prometheus", "docs");
            assertThat(stack.notes().get("prometheus").toString())
                    .contains("prom/prometheus:v2.52.0 can be neither pulled nor built on this machine");
            assertThat(stack.notes().get("docs").toString()).contains("its Dockerfile starts FROM obsgrader-absent/docs-base:1");
            assertThat(stack.notes().get("redis:7-alpine").toString()).contains("stand-in: redis 7 from Debian");
            assertThat(servicesOf(stack)).containsExactlyInAnyOrder("api", "redis");
            assertThat(host.asked).contains("build api").doesNotContain("build docs");
        }
    }

    @Test
    void aLabServiceWhoseBaseImageCannotBeHadIsNotAssessedOffline() throws IOException {
        RecordedHost host = new RecordedHost();
        try (LabStack stack = stack(host, "obsgrader-absent/api-base:1", "python:3.11-slim")
                .withImagesFrom(images -> new StandInImages.Outcome(Map.of(), Set.of("obsgrader-absent/api-base:1")))) {
            assertThatThrownBy(stack::start).isInstanceOfSatisfying(BuildFailure.class, failure -> {
                assertThat(failure.offline()).as("the machine's fault").isTrue();
                assertThat(failure).hasMessageContaining("not assessed (offline)");
            });
            assertThat(host.asked).doesNotContain("build api");
        }
    }

    static Stream<RecordedHost> failedBoots() {
        return Stream.of(new RecordedHost().answering("build api", "build-lab-failed"),
                new RecordedHost().answering("config", "config-invalid"),
                new RecordedHost().answering("up", "up-image-absent").withContainer("inspect-exited"),
                new RecordedHost().answering("up", "up-no-engine").withoutEngine());
    }

    @ParameterizedTest
    @MethodSource("failedBoots")
    void aFailedBootRemovesWhatItMadeAndSavesItsLogsBeforeSayingSo(RecordedHost host) throws IOException {
        LabStack stack = stack(host);

        assertThatThrownBy(stack::start).isInstanceOfAny(StackFailure.class, EnvironmentFault.class);

        assertThat(host.asked).endsWith(DOWN, "sweep run");
        if (!host.containers("").isEmpty()) {
            assertThat(host.asked).contains("docker logs");
            assertThat(folder.resolve("run/logs/exits.log")).exists();
        }
        int asked = host.asked.size();
        stack.close();
        assertThat(host.asked).as("closing it again asks nothing more").hasSize(asked);
    }
}
