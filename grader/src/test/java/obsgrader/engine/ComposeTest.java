package obsgrader.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ComposeTest {

    @Test
    void readsTheVersionEitherFlavourPrints() {
        assertThat(Compose.parseVersion("1.29.2\n")).contains("1.29.2");
        assertThat(Compose.parseVersion("v2.26.1\n")).contains("2.26.1");
        assertThat(Compose.parseVersion("2.40.3-3\n")).contains("2.40.3-3");
        assertThat(Compose.parseVersion("docker: 'compose' is not a docker command.\n")).isEmpty();
    }

    @Test
    void aChoiceIsReadWhateverItsCaseAndAnUnknownOneIsNamed() {
        assertThat(Compose.Choice.parse("V2")).isEqualTo(Compose.Choice.V2);
        assertThat(Compose.Choice.parse(" v1 ")).isEqualTo(Compose.Choice.V1);
        assertThat(Compose.Choice.parse("")).isEqualTo(Compose.Choice.AUTO);
        assertThatThrownBy(() -> Compose.Choice.parse("v3")).isInstanceOf(EnvironmentFault.class)
                .hasMessageContaining("grader.compose=v3").hasMessageContaining("auto, v1, v2");
    }

    @Test
    void aCommandThatIsNotThereIsNoCompose() {
        assertThat(Compose.probe(List.of("/nonexistent/docker-compose"))).isEmpty();
    }

    @Test
    void theHeaderNamesVersionFlavourAndCommand() {
        Compose plugin = new Compose(List.of("docker", "compose"), Compose.Flavour.V2, "2.26.1");

        assertThat(plugin.describe()).isEqualTo("Compose 2.26.1 (v2, docker compose)");
    }

    /**
     * Canary: the pom sets GITHUB_TOKEN and AWS_SECRET_ACCESS_KEY in the tests' environment. Every compose verb
     * (config, build, up, down; v1 and v2 alike) goes through {@link Compose#run}: a stand-in compose that prints
     * what it would substitute sees neither, but still finds the tools and the engine.
     */
    @ParameterizedTest
    @EnumSource(Compose.Flavour.class)
    void noComposeVerbSeesTheGradersEnvironment(Compose.Flavour flavour, @TempDir Path folder) {
        assertThat(System.getenv("GITHUB_TOKEN")).as("the canary is planted").isNotBlank();
        Compose printing = new Compose(List.of("sh", "-c",
                "echo token=$GITHUB_TOKEN aws=$AWS_SECRET_ACCESS_KEY path=${PATH:+set}", "compose"), flavour, "0");

        Shell.Result build = printing.run(Duration.ofSeconds(10), "p", folder.resolve("docker-compose.yml"), "build");

        assertThat(build.output().strip()).isEqualTo("token= aws= path=set");
    }
}
