package obsgrader.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import obsgrader.engine.Compose;
import obsgrader.engine.Docker;
import obsgrader.engine.Docker.Kind;
import obsgrader.engine.DockerEngine;
import obsgrader.images.StandInImages;
import obsgrader.submission.Submission;
import obsgrader.submission.Yaml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A submission booted twice, the second time from a copy in another folder (a regrade), builds its API once:
 * the second boot's compose file has nothing to build and its container runs the image the first one built.
 * Each run leaves nothing of its own but that image, which the cache keeps. A token in the Dockerfile makes the
 * key new to the engine; the test removes the image it made. Under both compose flavours; no pip step: seconds.
 */
class BuildCacheSelfIT {
    @TempDir
    Path scratch;

    @BeforeAll
    static void images() {
        DockerEngine.ensureRunning();
        assertThat(StandInImages.fromCatalog().ensure(Set.of("python:3.11-slim", "redis:7-alpine")).unavailable()).isEmpty();
    }

    @ParameterizedTest(name = "compose {0}")
    @EnumSource(value = Compose.Choice.class, names = {"V1", "V2"})
    void aSecondBootOfTheSameFilesBuildsNothing(Compose.Choice flavour) throws IOException {
        Path first = scratch.resolve("first");
        Files.createDirectories(first.resolve("app"));
        Files.writeString(first.resolve("app/Dockerfile"), """
                FROM python:3.11-slim
                ENV SELFTEST_TOKEN=%s
                COPY app.py .
                CMD ["python", "app.py"]
                """.formatted(UUID.randomUUID()));
        Files.writeString(first.resolve("app/app.py"), "import time\ntime.sleep(600)\n");
        Files.writeString(first.resolve("docker-compose.yml"), """
                services:
                  api: {build: ./app, depends_on: [redis]}
                  redis: {image: "redis:7-alpine"}
                """);
        Path regrade = scratch.resolve("regrade");
        Files.createDirectories(regrade.resolve("app"));
        for (String file : List.of("docker-compose.yml", "app/Dockerfile", "app/app.py")) {
            Files.copy(first.resolve(file), regrade.resolve(file));
        }
        String cached = null;
        try {
            Boot built = boot(first, flavour);
            cached = built.image();
            Boot reused = boot(regrade, flavour);
            System.out.printf("build cache, compose %s: first boot %d ms (built), second %d ms (reused %s)%n",
                    flavour, built.millis(), reused.millis(), cached);

            assertThat(built.reusedNote()).isFalse();
            assertThat(built.builds()).isTrue();
            assertThat(built.image()).startsWith(BuildCache.REPOSITORY + ":");
            assertThat(reused.reusedNote()).isTrue();
            assertThat(reused.builds()).as("the second boot's compose file builds nothing").isFalse();
            assertThat(reused.image()).isEqualTo(built.image());
            assertThat(reused.imageId()).isEqualTo(built.imageId());
            assertThat(built.leftAfterClose()).isEmpty();
            assertThat(reused.leftAfterClose()).isEmpty();
            assertThat(Docker.inspect(Kind.IMAGE, BuildCache.LABEL).stream().map(image -> image.path("Id").asText()))
                    .as("the cache keeps the image").contains(built.imageId());
        } finally {
            if (cached != null) {
                Docker.run(Duration.ofMinutes(1), "image", "rm", cached);
            }
        }
    }

    /** What a boot ran, and what its run left once closed. */
    private record Boot(long millis, boolean reusedNote, boolean builds, String image, String imageId,
                        List<String> leftAfterClose) {
    }

    private static Boot boot(Path folder, Compose.Choice flavour) {
        LabStack stack = LabStack.of(Submission.load(folder).compose().orElseThrow()).withCompose(flavour)
                .withRunFolder(folder.resolve("run"));
        long start = System.nanoTime();
        try {
            stack.start();
            long millis = (System.nanoTime() - start) / 1_000_000;
            JsonNode api = Yaml.read(stack.sanitisedFile().toPath()).tree().path("services").path("api");
            String container = stack.services().stream().filter(s -> s.service().equals("api")).findFirst()
                    .orElseThrow().containerId();
            String imageId = AbandonedRunSelfIT.docker("inspect", "--format", "{{.Image}}", container);
            stack.close();
            List<String> left = new ArrayList<>(MaliciousCorpusSelfIT.leftOver(stack.runId()));
            AbandonedRunSelfIT.docker("images", "-aq", "--filter", "label=" + ComposeSanitiser.RUN_LABEL + "=" + stack.runId())
                    .lines().filter(line -> !line.isBlank()).map(id -> "image " + id).forEach(left::add);
            AbandonedRunSelfIT.docker("images", "-q", "--filter", "reference=obsgrader-" + stack.runId() + "-*")
                    .lines().filter(line -> !line.isBlank()).map(id -> "tagged " + id).forEach(left::add);
            return new Boot(millis, stack.notes().containsKey("reused"), api.has("build"),
                    api.path("image").asText(), imageId, left);
        } finally {
            stack.close();
        }
    }
}
