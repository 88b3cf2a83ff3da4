package obsgrader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import obsgrader.i18n.Messages;
import obsgrader.rubric.Rubric;
import obsgrader.rubric.RubricLoader;
import org.junit.jupiter.api.Test;

/** Every verdict names its section of the marking guide: the section must be there, in both languages. */
class GuideTest {
    private static final Path ROOT = Path.of("..");

    @Test
    void everyRubricLineHasItsSectionInTheGuideOfEachLanguage() throws IOException {
        Rubric rubric = RubricLoader.load(ROOT.resolve("grader/src/main/resources/obsgrader/rubric.yml"));
        for (Messages messages : new Messages[] {Messages.FRENCH, Messages.ENGLISH}) {
            String file = Guide.section("x", messages).replace("#x", "");
            String guide = Files.readString(ROOT.resolve(file));
            Stream.concat(rubric.criteria().stream().flatMap(c -> c.checks().stream()), rubric.bonus().checks().stream())
                    .forEach(item -> assertThat(guide).as(file).contains("<a id=\"" + item.check() + "\"></a>"));
        }
        assertThat(Guide.section("alerts.coverage", Messages.FRENCH)).isEqualTo("docs/marking-guide.fr.md#alerts.coverage");
    }
}
