package obsgrader.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import obsgrader.checks.CheckCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The flawed corpus is sound before anything is graded: every case reads, applies to today's reference, names known checks. */
class CorpusCaseTest {
    private static final Path CORPUS = Path.of("src/test/resources/corpus/flawed");
    private static final Path REFERENCE = Path.of(System.getProperty("obsgrader.reference", "../stack"));

    @TempDir
    Path work;

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> folders = Files.list(CORPUS)) {
            return folders.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCaseAppliesToTheReferenceAndNamesKnownChecks(Path folder) {
        CorpusCase corpusCase = CorpusCase.load(folder);

        Path written = CaseSubmission.write(corpusCase, folder, REFERENCE, work.resolve("submission"));

        assertThat(written).isDirectory();
        assertThat(corpusCase.expected().keySet()).allSatisfy(id -> assertThat(CheckCatalog.find(id)).as(id).isPresent());
    }

    @Test
    void theReferenceIsCopiedWithItsLinkedApiAsRealFiles() {
        Path written = CaseSubmission.write(CorpusCase.reference(), work.resolve("none"), REFERENCE, work.resolve("submission"));

        assertThat(Files.isSymbolicLink(written.resolve("app"))).isFalse();
        assertThat(written.resolve("app/app.py")).isRegularFile();
    }

    @Test
    void anUnknownKeyIsRefused() throws IOException {
        Path folder = Files.createDirectories(work.resolve("typo"));
        Files.writeString(folder.resolve("case.yml"), """
                description: a typo in a key
                kind: flawed
                mode: static
                expect:
                  alerts.coverage: { loses: 1/4 }
                """);

        assertThatThrownBy(() -> CorpusCase.load(folder)).hasMessageContaining("expect");
    }

    @Test
    void aStepThatChangesNothingIsRefused() throws IOException {
        Path folder = Files.createDirectories(work.resolve("stale"));
        Files.writeString(folder.resolve("case.yml"), """
                description: a step written for another reference
                kind: flawed
                mode: static
                transform:
                  - { file: prometheus/prometheus.yml, replace: "scrape_interval: 42s", with: "scrape_interval: 5s" }
                """);

        assertThatThrownBy(() -> CaseSubmission.write(CorpusCase.load(folder), folder, REFERENCE, work.resolve("submission")))
                .hasMessageContaining("changes nothing in prometheus/prometheus.yml");
    }
}
