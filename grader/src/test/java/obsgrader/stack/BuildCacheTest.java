package obsgrader.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import obsgrader.submission.Submission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The build cache's key and bounds, without an engine: base images' identities are given. */
class BuildCacheTest {
    private static final String COMPOSE = """
            services:
              api:
                build: {context: ./app, args: {PORT: "5000"}}
              redis: {image: "redis:7-alpine"}
            """;
    private static final Function<String, Optional<String>> BASES =
            image -> Optional.ofNullable(Map.of("python:3.11-slim", "sha256:aaa").get(image));

    @TempDir
    Path scratch;
    Path folder;

    @BeforeEach
    void submission() throws IOException {
        folder = scratch.resolve("alice");
        Files.createDirectories(folder.resolve("app/static"));
        Files.writeString(folder.resolve("app/Dockerfile"), "FROM python:3.11-slim\nCOPY . /app\nCMD [\"python\", \"/app/app.py\"]\n");
        Files.writeString(folder.resolve("app/app.py"), "print('shop')\n");
        Files.writeString(folder.resolve("app/static/index.html"), "<h1>shop</h1>\n");
        Files.writeString(folder.resolve("docker-compose.yml"), COMPOSE);
        Files.writeString(folder.resolve("README.md"), "# TechShop\n");
    }

    private String key() throws IOException {
        return key(folder, BASES);
    }

    private static String key(Path folder, Function<String, Optional<String>> bases) throws IOException {
        return BuildCache.key(Submission.load(folder).compose().orElseThrow(), "api", bases).orElseThrow();
    }

    @Test
    void theSameFilesElsewhereHaveTheSameKey() throws IOException {
        String alice = key();
        Path copy = scratch.resolve("regrade/bob");
        Files.createDirectories(copy);
        try (var files = Files.walk(folder)) {
            for (Path file : files.toList()) {
                Path target = copy.resolve(folder.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }

        assertThat(key(copy, BASES)).isEqualTo(alice).hasSize(64);
        assertThat(key()).as("a second run of the same folder").isEqualTo(alice);
    }

    /**
     * A link in the build context to a file of the grading machine is hashed as a link, never read: a canary's
     * content behind it does not reach the key (nor, through the key, tell a student anything of it).
     */
    @Test
    void aLinkOutOfTheContextIsNeverFollowed() throws IOException {
        Path canary = Files.writeString(scratch.resolve("canary.txt"), "obsgrader-canary-build-cache-3c7a\n");
        Files.createSymbolicLink(folder.resolve("app/secret.txt"), canary);
        String before = key();

        Files.writeString(canary, "obsgrader-canary-build-cache-3c7a, rewritten\n");

        assertThat(key()).isEqualTo(before);
        Files.delete(folder.resolve("app/secret.txt"));
        Files.createSymbolicLink(folder.resolve("app/secret.txt"), scratch.resolve("elsewhere.txt"));
        assertThat(key()).as("the link itself is part of the key").isNotEqualTo(before);
    }

    @Test
    void filesOutsideTheContextDoNotChangeTheKey() throws IOException {
        String before = key();
        Files.writeString(folder.resolve("README.md"), "# TechShop, rewritten\n");
        Files.writeString(folder.resolve("docker-compose.yml"), COMPOSE + "  grafana: {image: \"grafana/grafana\"}\n");
        Files.createDirectories(folder.resolve("prometheus"));
        Files.writeString(folder.resolve("prometheus/prometheus.yml"), "scrape_configs: []\n");

        assertThat(key()).isEqualTo(before);
    }

    @Test
    void aContextFileChangesTheKey() throws IOException {
        String before = key();
        Files.writeString(folder.resolve("app/static/index.html"), "<h1>shop!</h1>\n");
        String edited = key();
        Files.writeString(folder.resolve("app/notes.txt"), "");
        String added = key();
        Files.delete(folder.resolve("app/notes.txt"));
        Files.move(folder.resolve("app/static/index.html"), folder.resolve("app/static/home.html"));
        String renamed = key();

        assertThat(List.of(before, edited, added, renamed)).doesNotHaveDuplicates();
    }

    @Test
    void aFilesModeChangesTheKey() throws IOException {
        String before = key();
        Files.setPosixFilePermissions(folder.resolve("app/app.py"), PosixFilePermissions.fromString("rwxr-xr-x"));

        assertThat(key()).isNotEqualTo(before);
    }

    @Test
    void theDockerfileItsPathArgsAndTargetChangeTheKey() throws IOException {
        String before = key();
        Files.writeString(folder.resolve("app/Dockerfile"), "FROM python:3.11-slim\nCOPY . /srv\nCMD [\"python\", \"/srv/app.py\"]\n");
        String dockerfile = key();
        Files.copy(folder.resolve("app/Dockerfile"), folder.resolve("app/Dockerfile.prod"));
        String both = key();
        Files.writeString(folder.resolve("docker-compose.yml"), COMPOSE.replace("args:", "dockerfile: Dockerfile.prod, args:"));
        String path = key();
        Files.writeString(folder.resolve("docker-compose.yml"), COMPOSE.replace("\"5000\"", "\"5001\""));
        String arg = key();
        Files.writeString(folder.resolve("docker-compose.yml"), COMPOSE.replace("args:", "target: prod, args:"));
        String target = key();

        assertThat(List.of(before, dockerfile, both, path, arg, target)).doesNotHaveDuplicates();
    }

    @Test
    void anotherBaseImageChangesTheKeyAndAMissingOneMeansNoCache() throws IOException {
        String before = key();
        String rebuiltBase = key(folder, image -> Optional.of("sha256:bbb"));

        assertThat(rebuiltBase).isNotEqualTo(before);
        assertThat(BuildCache.key(Submission.load(folder).compose().orElseThrow(), "api", image -> Optional.empty()))
                .as("a base that is not here: the service builds, uncached").isEmpty();
    }

    @Test
    void aBuildReadingOutsideItsContextIsNotCached() throws IOException {
        Files.writeString(folder.resolve("docker-compose.yml"), """
                services:
                  api:
                    build: {context: ./app, additional_contexts: {shared: ../shared}}
                """);

        assertThat(BuildCache.key(Submission.load(folder).compose().orElseThrow(), "api", BASES)).isEmpty();
    }

    @Test
    void theBoundsKeepTheRecentlyUsedTaggedImagesUpToTheirCount() throws IOException {
        Instant now = Instant.parse("2026-12-07T12:00:00Z");
        List<JsonNode> images = List.of(
                image("fresh", "2026-12-01T00:00:00Z", "2026-12-07T11:00:00Z"),
                image("week", "2026-11-30T00:00:00Z", "2026-11-30T00:00:00Z"),
                image("old", "2026-11-01T00:00:00Z", "0001-01-01T00:00:00Z"),
                image(null, "2026-12-07T11:30:00Z", "2026-12-07T11:30:00Z"),
                image("yesterday", "2026-12-06T00:00:00Z", ""));

        assertThat(names(BuildCache.beyond(images, new BuildCache.Bounds(Duration.ofDays(14), 60), now)))
                .as("stale, and untagged").containsExactlyInAnyOrder("old", "untagged");
        assertThat(names(BuildCache.beyond(images, new BuildCache.Bounds(Duration.ofDays(14), 1), now)))
                .as("beyond the count, least recently used first").containsExactlyInAnyOrder("old", "untagged", "week", "yesterday");
        assertThat(names(BuildCache.beyond(images, new BuildCache.Bounds(Duration.ofDays(14), 0), now)))
                .as("used within the last two hours: about to run").containsExactlyInAnyOrder("old", "untagged", "week", "yesterday");
    }

    private static JsonNode image(String tag, String created, String lastTagged) throws IOException {
        return new ObjectMapper().readTree("""
                {"Id": "sha256:%s", "RepoTags": [%s], "Created": "%s", "Metadata": {"LastTagTime": "%s"}}"""
                .formatted(tag, tag == null ? "" : "\"obsgrader-build-cache:" + tag + "\"", created, lastTagged));
    }

    private static List<String> names(List<JsonNode> images) {
        return images.stream().map(image -> image.path("RepoTags").isEmpty() ? "untagged"
                : image.path("RepoTags").get(0).asText().substring("obsgrader-build-cache:".length())).toList();
    }
}
