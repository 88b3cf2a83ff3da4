package obsgrader.grading;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RunSettingsTest {

    @Test
    void theDefaultsFindTheGradersFolderAboveTheModuleATestRunsIn() {
        // surefire and failsafe run in grader/; the reference's app is built from the project's sample-api
        Path root = RunSettings.defaults().graderRoot();

        assertThat(root.resolve("sample-api")).isDirectory();
        assertThat(RunSettings.graderRootAbove(root.resolve("grader/src/main"))).isEqualTo(root);
    }
}
