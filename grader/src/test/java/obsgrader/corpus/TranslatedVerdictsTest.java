package obsgrader.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import obsgrader.checks.CheckCatalog;
import obsgrader.grading.GradingRun;
import obsgrader.grading.Mode;
import obsgrader.i18n.Message;
import obsgrader.i18n.Untranslated;
import obsgrader.submission.Submission;
import obsgrader.tools.PromTools;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A student reads every sentence in their language: graded statically, each flawed case, each variant and the
 * reference get, from the checks of the areas written as bundle keys, verdicts whose every sentence (expected,
 * found, where, hint, measured, the cause of a point not assessed, a chart's name) is a bundle key, none a
 * {@link Message#literal} written in English in the code, and whose French names no key the bundles lack.
 * Only the areas' checks are judged, so that the corpus takes seconds, not the minutes of whole gradings.
 */
class TranslatedVerdictsTest {
    /** The criteria whose checks write every sentence as a bundle key. */
    static final List<String> AREAS = List.of("metrics", "dashboard", "deployed", "docs", "bonus");
    private static final Path FLAWED = Path.of("src/test/resources/corpus/flawed");
    private static final Path VARIANTS = Path.of("src/test/resources/corpus/variants");
    private static final Path REFERENCE = Path.of(System.getProperty("obsgrader.reference", "../stack"));
    private static final PromTools TOOLS = new PromTools(true);

    @TempDir
    Path work;

    static Stream<Path> flawedCases() throws IOException {
        try (Stream<Path> folders = Files.list(FLAWED)) {
            return folders.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    static Stream<Path> submissions() throws IOException {
        try (Stream<Path> folders = Files.list(VARIANTS)) {
            return Stream.concat(Stream.of(REFERENCE),
                    folders.map(v -> v.resolve("submission")).filter(Files::isDirectory).sorted().toList().stream());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flawedCases")
    void aFlawedCaseIsToldInBundleSentencesOnly(Path folder) {
        Path submission = CaseSubmission.write(CorpusCase.load(folder), folder, REFERENCE, work.resolve("submission"));

        assertThat(untranslated(submission, AREAS, work.resolve("run"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("submissions")
    void aSubmissionIsToldInBundleSentencesOnly(Path submission) {
        assertThat(untranslated(submission, AREAS, work.resolve("run"))).isEmpty();
    }

    /**
     * The sentences of a static grading, by the checks of the given areas, that no bundle writes: a literal
     * ("dashboard.panels found: 5 of 5 rows") or a key French lacks ("... {dashboard.panels.rows}").
     */
    static List<String> untranslated(Path submission, List<String> areas, Path runFolder) {
        List<String> untranslated = new ArrayList<>();
        try (GradingRun run = new GradingRun(Submission.load(submission), Mode.STATIC, runFolder, TOOLS)) {
            for (String id : CheckCatalog.ids().stream().filter(id -> areas.contains(id.substring(0, id.indexOf('.')))).toList()) {
                untranslated.addAll(Untranslated.in(id, run.judge(CheckCatalog.find(id).orElseThrow())));
            }
        }
        return untranslated;
    }
}
