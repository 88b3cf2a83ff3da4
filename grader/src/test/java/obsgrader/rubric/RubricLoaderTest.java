package obsgrader.rubric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RubricLoaderTest {
    @TempDir
    Path folder;

    private Path rubric(String text) throws IOException {
        return Files.writeString(folder.resolve("rubric.yml"), text);
    }

    @Test
    void theDefaultRubricIsTheLabsHundredPoints() {
        Rubric rubric = RubricLoader.load(Path.of("src/main/resources/obsgrader/rubric.yml"));

        assertThat(rubric.total()).isEqualTo(100);
        assertThat(rubric.passMark()).isEqualTo(70);
        assertThat(rubric.criteria()).extracting(Rubric.Criterion::points).containsExactly(20.0, 20.0, 20.0, 20.0, 10.0, 10.0);
    }

    @Test
    void checksThatDoNotAddUpToTheirCriterionAreRefusedWithTheLine() throws IOException {
        Path file = rubric("""
                version: "x"
                pass_mark: 5
                criteria:
                  - id: deployed
                    title: Stack deployed
                    points: 20
                    checks:
                      - { check: deployed.compose-services, points: 4 }
                bonus: { title: Bonus, cap: 0, checks: [] }
                """);

        assertThatThrownBy(() -> RubricLoader.load(file)).isInstanceOf(InvalidRubric.class)
                .hasMessageContaining("rubric.yml: line 4: criterion 'deployed' is worth 20.0 points but its checks add up to 4.0");
    }

    @Test
    void anUnknownCheckAndAnUnknownKeyAreNamed() throws IOException {
        Path unknownCheck = rubric("""
                version: "x"
                pass_mark: 1
                criteria:
                  - id: deployed
                    title: Stack deployed
                    points: 4
                    checks:
                      - { check: deployed.compose-servics, points: 4 }
                bonus: { title: Bonus, cap: 0, checks: [] }
                """);
        assertThatThrownBy(() -> RubricLoader.load(unknownCheck))
                .hasMessageContaining("line 8: unknown check 'deployed.compose-servics'");

        Path unknownKey = rubric("""
                version: "x"
                passmark: 70
                """);
        assertThatThrownBy(() -> RubricLoader.load(unknownKey)).hasMessageContaining("rubric.yml:")
                .hasMessageContaining("pass");
    }
}
