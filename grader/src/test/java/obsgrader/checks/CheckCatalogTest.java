package obsgrader.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import obsgrader.rubric.Rubric;
import obsgrader.rubric.RubricLoader;
import org.junit.jupiter.api.Test;

class CheckCatalogTest {
    @Test
    void everyCheckSaysWhatItIsAndLivesInThePackageOfItsCriterion() {
        assertThat(CheckCatalog.ids()).allSatisfy(id -> {
            Check check = CheckCatalog.find(id).orElseThrow();
            assertThat(check.title()).isNotBlank();
            assertThat(check.getClass().getPackageName()).endsWith("." + id.substring(0, id.indexOf('.')));
        });
    }

    @Test
    void theDefaultRubricGivesPointsToEveryCheckTheGraderHas() {
        Rubric rubric = RubricLoader.load(Path.of("src/main/resources/obsgrader/rubric.yml"));

        List<String> rubricIds = Stream.concat(rubric.criteria().stream().flatMap(c -> c.checks().stream()),
                rubric.bonus().checks().stream()).map(Rubric.Item::check).toList();
        assertThat(rubricIds).containsExactlyInAnyOrderElementsOf(CheckCatalog.ids());
    }
}
