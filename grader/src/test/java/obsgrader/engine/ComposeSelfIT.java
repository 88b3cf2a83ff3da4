package obsgrader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import obsgrader.grading.RunSettings;
import obsgrader.stack.ComposeSanitiser;
import obsgrader.stack.Limits;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.Submission;
import obsgrader.submission.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both flavours are there (v2 installed into the grader's cache from Debian when the machine has none) and both
 * accept the sanitised reference as it is (ports on {@code 127.0.0.1::PORT}, limits, labels, aliases). Nothing
 * boots: GradeReferenceSelfIT boots it under each.
 */
class ComposeSelfIT {
    /** Where a missing Compose v2 comes from: this JVM's settings, as a grading run's. */
    private static final DebianCompose.Source DEBIAN = RunSettings.fromSystemProperties().debian();

    @TempDir
    Path run;

    @Test
    void v2AndV1AreFoundOrInstalled() {
        Compose v2 = Compose.resolve(Compose.Choice.V2, DEBIAN);
        Compose v1 = Compose.resolve(Compose.Choice.V1, DEBIAN);

        assertThat(v2.flavour()).isEqualTo(Compose.Flavour.V2);
        assertThat(v2.version()).startsWith("2.");
        assertThat(v1.flavour()).isEqualTo(Compose.Flavour.V1);
        assertThat(v1.version()).startsWith("1.");
        assertThat(Compose.resolve(Compose.Choice.AUTO, DEBIAN).flavour()).isEqualTo(Compose.Flavour.V2);
    }

    @Test
    void bothFlavoursAcceptTheSanitisedReference() {
        assertBothAccept(Submission.load(Path.of(System.getProperty("obsgrader.reference", "../stack"))).compose().orElseThrow());
    }

    /** v2 refuses deploy limits that differ from mem_limit and cpus, v1 refuses deploy's pids: the copy has neither. */
    @Test
    void bothFlavoursAcceptTheSanitisedCopyOfAFileWithDeployLimits() throws IOException {
        Path student = Files.createDirectories(run.resolve("student"));
        Files.writeString(student.resolve("docker-compose.yml"), """
                services:
                  api:
                    image: python:3.11-slim
                    deploy:
                      resources:
                        limits: {cpus: '0.5', memory: 256M, pids: 100}
                """);
        assertBothAccept(Submission.load(student).compose().orElseThrow());
    }

    private void assertBothAccept(ComposeFile compose) {
        Path sanitised = run.resolve("docker-compose.sanitised.yml");
        Yaml.write(sanitised, new ComposeSanitiser("selftest", Map.of(), new Limits("768m", 1.0, 512, "10m"))
                .sanitise(compose));

        for (Compose.Choice choice : Set.of(Compose.Choice.V1, Compose.Choice.V2)) {
            Shell.Result config = Compose.resolve(choice, DEBIAN).run(Duration.ofMinutes(1), "obsgrader-selftest", sanitised,
                    "config", "-q");
            assertThat(config.ok()).as("%s: %s", choice, config.output()).isTrue();
        }
    }
}
