package obsgrader.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
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
    @TempDir
    Path run;

    @Test
    void v2AndV1AreFoundOrInstalled() {
        Compose v2 = Compose.resolve(Compose.Choice.V2);
        Compose v1 = Compose.resolve(Compose.Choice.V1);

        assertThat(v2.flavour()).isEqualTo(Compose.Flavour.V2);
        assertThat(v2.version()).startsWith("2.");
        assertThat(v1.flavour()).isEqualTo(Compose.Flavour.V1);
        assertThat(v1.version()).startsWith("1.");
        assertThat(Compose.resolve(Compose.Choice.AUTO).flavour()).isEqualTo(Compose.Flavour.V2);
    }

    @Test
    void bothFlavoursAcceptTheSanitisedReference() {
        ComposeFile reference = Submission.load(Path.of(System.getProperty("obsgrader.reference", "../stack")))
                .compose().orElseThrow();
        Path sanitised = run.resolve("docker-compose.sanitised.yml");
        Yaml.write(sanitised, new ComposeSanitiser("selftest", Set.of(), new Limits("768m", 1.0, 512, "10m"))
                .sanitise(reference));

        for (Compose.Choice choice : Set.of(Compose.Choice.V1, Compose.Choice.V2)) {
            Shell.Result config = Compose.resolve(choice).run(Duration.ofMinutes(1), "obsgrader-selftest", sanitised,
                    "config", "-q");
            assertThat(config.ok()).as("%s: %s", choice, config.output()).isTrue();
        }
    }
}
