package obsgrader.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import obsgrader.engine.Compose;
import obsgrader.i18n.Message;
import obsgrader.i18n.Messages;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.Submission;
import obsgrader.submission.Yaml;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malicious case judged as a live run judges it, without an engine: the real Compose v2 resolves the model
 * ({@code compose config} needs no daemon), the policy refuses or leaves out, the sanitiser writes what would run.
 * With a canary file and canary variables planted, neither appears in anything the grader writes or says.
 */
class ContainmentTest {
    private static final Path REFERENCE = Path.of(System.getProperty("obsgrader.reference", "../stack"));

    @BeforeAll
    static void plant() {
        assumeThat(Compose.findV2()).as("Compose v2 on this machine").isPresent();
        Canary.plant();
    }

    static Stream<Path> everyCase() throws IOException {
        return Stream.of("refused", "left-out", "contained").flatMap(outcome -> {
            try {
                return SubmissionPolicyTest.cases(outcome);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    static SubmissionPolicy policyFor(Path submission) {
        return new SubmissionPolicy(List.of(submission, REFERENCE.resolve("../sample-api")));
    }

    @Test
    void theCanaryVariablesAreInTheGradersEnvironment() {
        Canary.VARIABLES.forEach(name -> assertThat(System.getenv(name)).as(name).isEqualTo(Canary.VARIABLE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCase")
    void eachCaseIsJudgedOnWhatComposeWouldRun(Path corpusCase) {
        JsonNode expected = SubmissionPolicyTest.expectation(corpusCase);
        Path submission = Canary.submission(corpusCase);
        ComposeFile raw = Submission.load(submission).compose().orElseThrow();
        SubmissionPolicy policy = policyFor(submission);
        String option = expected.path("option").asText();

        if ("refused".equals(expected.path("outcome").asText())) {
            assertThatThrownBy(() -> policy.admit(raw, "obsgrader-test", Compose.findV2())).isInstanceOfSatisfying(StackFailure.class,
                    failure -> {
                        String said = Messages.ENGLISH.text(failure.reason()) + Messages.FRENCH.text(failure.reason());
                        assertThat(said).contains(option);
                        assertThat(Canary.leaks(said)).as(said).isFalse();
                    });
            return;
        }
        SubmissionPolicy.Admission admission = policy.admit(raw, "obsgrader-test", Compose.findV2());
        assertThat(admission.resolved().byCompose()).isTrue();
        ComposeSanitiser sanitiser = new ComposeSanitiser("test", admission.leftOut(), Limits.DEFAULT);
        String running = Yaml.YAML.valueToTree(sanitiser.sanitise(admission.resolved().model())).toString();
        String said = Stream.of(admission.allowed(), sanitiser.changes(), List.copyOf(admission.leftOut().values()))
                .flatMap(List::stream).map(Messages.ENGLISH::text).reduce("", String::concat)
                + admission.resolved().emptied();
        assertThat(Canary.leaks(running)).as(running).isFalse();
        assertThat(Canary.leaks(said)).as(said).isFalse();
        if ("left-out".equals(expected.path("outcome").asText())) {
            Message why = admission.leftOut().get(expected.path("service").asText());
            assertThat(why).as("left out").isNotNull();
            assertThat(Messages.ENGLISH.text(why)).contains(option);
        }
        if (expected.has("emptied")) {
            assertThat(admission.resolved().emptied()).contains(expected.get("emptied").asText());
        }
        if (expected.has("reason")) {
            assertThat(admission.allowed().stream().map(Messages.ENGLISH::text).toList())
                    .anySatisfy(allowed -> assertThat(allowed).contains(expected.get("reason").asText()));
        }
    }

    @Test
    void noContainerOfTheReferenceReadsTheHostAndNodeExporterReadsItsOwnProc(@TempDir Path folder) {
        ComposeFile raw = Submission.load(REFERENCE).compose().orElseThrow();
        SubmissionPolicy.Admission admission = policyFor(REFERENCE).admit(raw, "obsgrader-test", Compose.findV2());
        JsonNode running = new ComposeSanitiser("test", Map.of(), Limits.DEFAULT)
                .sanitise(admission.resolved().model());

        JsonNode nodeExporter = running.path("services").path("node-exporter");
        assertThat(nodeExporter.path("volumes")).isEmpty();
        assertThat(nodeExporter.path("command").toString()).contains("--path.procfs=/proc", "--path.rootfs=/")
                .doesNotContain("/host/proc");
        List<String> binds = new java.util.ArrayList<>();
        running.path("services").forEach(service -> service.path("volumes").forEach(volume -> {
            String source = volume.isTextual() ? volume.asText().split(":")[0] : volume.path("source").asText();
            if (source.startsWith("/")) {
                binds.add(source);
            }
        }));
        assertThat(binds).isNotEmpty().allSatisfy(source ->
                assertThat(policyFor(REFERENCE).trusts(Path.of(source))).as(source).isTrue());
        Path sanitised = folder.resolve("docker-compose.sanitised.yml");
        Yaml.write(sanitised, running);
        List<Compose> composes = new java.util.ArrayList<>(List.of(Compose.findV2().orElseThrow()));
        // v1 (1.29) boots the same model when a run asks for it: checked when it is on this machine
        Compose.findV1().ifPresent(composes::add);
        composes.forEach(compose -> assertThat(compose.run(java.time.Duration.ofSeconds(30), "obsgrader-test", sanitised,
                "config", "-q").output()).as(compose.describe() + " reads what the grader writes").isBlank());
    }
}
