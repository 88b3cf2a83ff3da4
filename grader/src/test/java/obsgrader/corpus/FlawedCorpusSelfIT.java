package obsgrader.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import obsgrader.report.ScoreCard;
import obsgrader.rubric.Rubric;
import obsgrader.rubric.RubricLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Trust in the grader: every submission of the flawed corpus ({@code src/test/resources/corpus/flawed}, see its
 * README) is graded and loses exactly what its {@code case.yml} says, every other check getting what the
 * reference gets. Static cases read the files only; live cases boot their stack, several defects sharing one
 * boot, two cases at a time from the start (beside the static ones): each must still lose exactly what its case
 * says, which also shows that two different submissions graded side by side keep their own scores. The
 * reference, graded statically, is the baseline of the static checks (GradeReferenceSelfIT grades it live, twice).
 */
class FlawedCorpusSelfIT {
    private static final Path CORPUS = Path.of("src/test/resources/corpus/flawed");
    private static final Path WORK = Path.of("target", "corpus", "flawed");

    private static final int LIVE_AT_ONCE = 2;
    private static final ExecutorService LIVE = Executors.newFixedThreadPool(LIVE_AT_ONCE);

    private static Path reference;
    private static Rubric rubric;
    private static ScoreCard baseline;
    private static final List<String> summary = new ArrayList<>();
    private static final Map<CorpusCase.CaseMode, Duration> timeByMode = new EnumMap<>(CorpusCase.CaseMode.class);
    private static final Map<CorpusCase.Kind, Integer> defectsByKind = new EnumMap<>(CorpusCase.Kind.class);
    private static Instant started;
    private static Duration baselineTime;

    @BeforeAll
    static void gradeTheReference() {
        started = Instant.now();
        Path root = Path.of(System.getProperty("obsgrader.root", "..")).toAbsolutePath().normalize();
        reference = root.resolve("stack");
        rubric = RubricLoader.load(root.resolve("grader/src/main/resources/obsgrader/rubric.yml"))
                .withLanguage("en"); // their cards and oracles are English; the lab's default is French
        baseline = grade(CorpusCase.reference());
        baselineTime = Duration.between(started, Instant.now());
    }

    @TestFactory
    Stream<DynamicTest> everyCaseLosesExactlyWhatItShould() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (CorpusCase corpusCase : cases().toList()) {
            // the live gradings start now, LIVE_AT_ONCE at a time, while the static cases are checked one by one
            Callable<Graded> graded = corpusCase.mode() == CorpusCase.CaseMode.LIVE ? LIVE.submit(() -> timed(corpusCase))::get
                    : () -> timed(corpusCase);
            tests.add(dynamicTest(corpusCase.name() + " [" + label(corpusCase.mode()) + "]: " + corpusCase.description(),
                    () -> check(corpusCase, graded.call())));
        }
        return tests.stream();
    }

    private record Graded(ScoreCard card, Duration took) {
    }

    private static Graded timed(CorpusCase corpusCase) {
        Instant start = Instant.now();
        ScoreCard card = grade(corpusCase);
        return new Graded(card, Duration.between(start, Instant.now()));
    }

    private static String label(Enum<?> value) {
        return value.name().toLowerCase().replace('_', '-');
    }

    /** Static cases first (seconds each), then the live ones (a boot each); {@code -Dcorpus.cases=REGEX} picks some by name. */
    private static Stream<CorpusCase> cases() throws IOException {
        Pattern picked = Pattern.compile(System.getProperty("corpus.cases", ".*"));
        try (Stream<Path> folders = Files.list(CORPUS)) {
            return folders.filter(Files::isDirectory).filter(f -> picked.matcher(f.getFileName().toString()).matches())
                    .map(CorpusCase::load)
                    .sorted(Comparator.comparing(CorpusCase::mode).thenComparing(CorpusCase::name))
                    .toList().stream();
        }
    }

    private static void check(CorpusCase corpusCase, Graded graded) {
        ScoreCard card = graded.card();
        Duration took = graded.took();
        timeByMode.merge(corpusCase.mode(), took, Duration::plus);
        defectsByKind.merge(corpusCase.kind(), corpusCase.defects().size(), Integer::sum);
        List<ExpectedOutcome.Difference> differences =
                new ExpectedOutcome(corpusCase, baseline.checksById()).differences(card);
        summary.add(String.format("%-30s %-9s %-6s %5s/%-4s %4d s  %s  %s", corpusCase.name(),
                label(corpusCase.kind()), label(corpusCase.mode()),
                ScoreCard.format(card.points()), ScoreCard.format(card.max()), took.toSeconds(),
                differences.isEmpty() ? "ok    " : "FAILED", String.join("; ", corpusCase.defects())));

        assertThat(differences).withFailMessage(() -> ExpectedOutcome.render(corpusCase, differences)).isEmpty();
    }

    private static ScoreCard grade(CorpusCase corpusCase) {
        return CaseGrading.grade(corpusCase, CORPUS, reference, rubric, WORK);
    }

    @AfterAll
    static void report() {
        String text = "Flawed corpus: " + summary.size() + " cases, " + defectsByKind.entrySet().stream()
                .map(e -> e.getValue() + " " + label(e.getKey()) + " defects").collect(Collectors.joining(", ")) + "\n"
                + String.format("%-30s %-9s %-6s %10s %6s  %s  %s%n", "case", "kind", "mode", "points", "time", "result", "defects")
                + String.join("\n", summary) + "\n"
                + "reference graded (static) " + baselineTime.toSeconds() + " s, "
                + timeByMode.entrySet().stream().map(e -> label(e.getKey()) + " cases " + e.getValue().toSeconds() + " s")
                .collect(Collectors.joining(", "))
                + "; the whole corpus " + Duration.between(started, Instant.now()).toSeconds() + " s";
        System.out.println(text);
        try {
            Files.createDirectories(WORK);
            Files.writeString(WORK.resolve("summary.txt"), text + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
