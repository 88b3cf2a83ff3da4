package obsgrader.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import obsgrader.submission.Yaml;
import org.junit.jupiter.api.Test;

/**
 * The platforms' examples in {@code examples/} against what each platform documents of them (the formats they
 * produce are held to the platforms' fields in PlatformFormatsTest).
 */
class PlatformExamplesTest {
    private static final Path EXAMPLES = Path.of("../examples");

    /**
     * classroom-resources/autograding-grading-reporter: README ("the name of the workflow must be Autograding Tests",
     * "only one job ... named run-autograding-tests", "[RUNNER-ID]_RESULTS"), src/main.js (the runners pattern).
     */
    @Test
    void theClassroomWorkflowFeedsTheReporterAsItsDocumentationSays() throws IOException {
        JsonNode workflow = Yaml.YAML.readTree(EXAMPLES.resolve("github-classroom/.github/workflows/classroom.yml").toFile());

        assertThat(workflow.path("name").asText()).isEqualTo("Autograding Tests");
        assertThat(names(workflow.path("jobs"))).containsExactly("run-autograding-tests");
        assertThat(workflow.path("permissions").path("checks").asText()).isEqualTo("write");
        JsonNode steps = workflow.path("jobs").path("run-autograding-tests").path("steps");
        JsonNode reporter = null;
        List<String> ids = new ArrayList<>();
        for (JsonNode step : steps) {
            ids.add(step.path("id").asText());
            if (step.path("uses").asText().startsWith("classroom-resources/autograding-grading-reporter@")) {
                reporter = step;
            }
        }
        assertThat(reporter).isNotNull();
        String runners = reporter.path("with").path("runners").asText();
        assertThat(runners).matches("^([a-zA-Z0-9]+,)*[a-zA-Z0-9]+$");
        for (String runner : runners.split(",")) {
            assertThat(ids).contains(runner);
            assertThat(reporter.path("env").path(runner.toUpperCase() + "_RESULTS").asText())
                    .isEqualTo("${{ steps." + runner + ".outputs.result }}");
        }
        assertThat(steps.toString()).contains("base64 -w0").contains("classroom.json").contains("--github");
    }

    /** https://gradescope-autograders.readthedocs.io/en/latest/specs/: setup.sh and run_autograder at the zip's root. */
    @Test
    void theGradescopePackageHasItsTwoScriptsAndWritesResultsWhereGradescopeReadsThem() throws IOException {
        Path setup = EXAMPLES.resolve("gradescope/setup.sh");
        Path run = EXAMPLES.resolve("gradescope/run_autograder");

        assertThat(Files.readString(setup)).startsWith("#!/usr/bin/env bash");
        assertThat(Files.isExecutable(run)).isTrue();
        assertThat(Files.readString(run)).startsWith("#!").contains("\"$ROOT/submission\"")
                .contains("\"$ROOT/results/results.json\"").contains("--static");
        assertThat(Files.readString(EXAMPLES.resolve("gradescope/make-package.sh")))
                .contains("zip -q -r \"$here/gradescope-autograder.zip\" setup.sh run_autograder obsgrader.jar");
    }

    /** https://prairielearn.readthedocs.io/en/latest/externalGrading/: the question's externalGradingOptions. */
    @Test
    void thePrairieLearnQuestionUsesOnlyDocumentedGradingOptionsAndItsEntrypointExists() throws IOException {
        JsonNode info = Yaml.JSON.readTree(EXAMPLES.resolve("prairielearn/questions/techshop-observability/info.json").toFile());
        JsonNode options = info.path("externalGradingOptions");

        assertThat(info.path("gradingMethod").asText()).isEqualTo("External");
        assertThat(names(options)).isSubsetOf("enabled", "image", "entrypoint", "serverFilesCourse", "timeout",
                "enableNetworking", "environment");
        assertThat(options.path("enabled").asBoolean()).isTrue();
        String served = options.path("serverFilesCourse").get(0).asText();
        String entrypoint = options.path("entrypoint").asText();
        assertThat(entrypoint).startsWith("/grade/serverFilesCourse/" + served);
        Path script = EXAMPLES.resolve("prairielearn/serverFilesCourse").resolve(entrypoint.substring("/grade/serverFilesCourse/".length()));
        assertThat(Files.isExecutable(script)).isTrue();
        assertThat(Files.readString(script)).contains("prairielearn.json").contains("$GRADE/results/results.json");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
