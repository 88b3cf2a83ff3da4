package obsgrader.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

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
}
