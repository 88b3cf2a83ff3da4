package obsgrader.stack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import obsgrader.engine.Compose;
import obsgrader.i18n.Messages;
import obsgrader.submission.Submission;
import obsgrader.submission.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionPolicyTest {
    static final Path CORPUS = Path.of("src/test/resources/corpus/malicious");
    private static final Path REFERENCE = Path.of(System.getProperty("obsgrader.reference", "../stack"));

    static Stream<Path> refusedCases() throws IOException {
        return cases("refused");
    }

    static Stream<Path> cases(String outcome) throws IOException {
        try (Stream<Path> folders = Files.list(CORPUS)) {
            return folders.filter(Files::isDirectory)
                    .filter(folder -> outcome.equals(expectation(folder).path("outcome").asText()))
                    .sorted().toList().stream();
        }
    }

    static JsonNode expectation(Path folder) {
        return Yaml.read(folder.resolve("expect.yml")).tree();
    }

    private static List<SubmissionPolicy.Refusal> check(Path submission) {
        return new SubmissionPolicy(List.of(submission, REFERENCE.resolve("../sample-api")))
                .check(Submission.load(submission).compose().orElseThrow());
    }

    @Test
    void theReferenceStackRunsAndItsNodeExporterMountsAreTheAllowedException() {
        SubmissionPolicy.Admission admission = new SubmissionPolicy(List.of(REFERENCE, REFERENCE.resolve("../sample-api")))
                .admit(Submission.load(REFERENCE).compose().orElseThrow(), "obsgrader-test", Compose.findV2());

        assertThat(admission.leftOut()).isEmpty();
        assertThat(admission.allowed())
                .anySatisfy(allowed -> assertThat(allowed.toString()).contains("node-exporter").contains("/proc"));
    }

    @Test
    void aLinkInsideTheSubmissionPointingOutsideIsRefused(@TempDir Path folder) throws IOException {
        Files.createSymbolicLink(folder.resolve("app"), Path.of("/etc"));
        Files.writeString(folder.resolve("docker-compose.yml"), "services:\n  api:\n    build: ./app\n");

        assertThat(check(folder)).singleElement().satisfies(r -> {
            assertThat(r.option()).contains("build");
            assertThat(Messages.FRENCH.text(r.sentence())).startsWith("api : build: ")
                    .endsWith(" (un contexte de build hors du dossier du rendu)");
        });
    }
}
