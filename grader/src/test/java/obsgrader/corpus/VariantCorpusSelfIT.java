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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import obsgrader.checks.Evidence;
import obsgrader.grading.Grading;
import obsgrader.grading.Mode;
import obsgrader.grading.RunSettings;
import obsgrader.report.ConsoleCard;
import obsgrader.report.ScoreCard;
import obsgrader.rubric.Rubric;
import obsgrader.rubric.RubricLoader;
import obsgrader.submission.Submission;
import obsgrader.tools.PromTools;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * A grade a teacher can sign: every submission of the variant corpus ({@code src/test/resources/corpus/variants},
 * complete submissions structured unlike the reference, see its README) is graded statically, and live when it
 * can boot here, and the grader must land within {@value #PER_CRITERION} point of the hand score on every
 * criterion and within {@value #IN_TOTAL} in total, over the lines it assessed. The hand scores were written
 * before the grader was run on the variants: they are the oracle, never adjusted to the grader's output.
 * {@code -Dvariants.cases=REGEX} picks variants by name, {@code -Dvariants.live=false} grades statically only.
 */
class VariantCorpusSelfIT {
    private static final Path CORPUS = Path.of("src/test/resources/corpus/variants");
    private static final Path WORK = Path.of("target", "corpus", "variants");
    private static final double PER_CRITERION = 1;
    private static final double IN_TOTAL = 3;

    private static final int LIVE_AT_ONCE = 2;
    private static final ExecutorService LIVE = Executors.newFixedThreadPool(LIVE_AT_ONCE);
    private static Rubric rubric;
    private static final List<String> summary = new ArrayList<>();
    private static Instant started;

    @BeforeAll
    static void loadRubric() {
        started = Instant.now();
        Path root = Path.of(System.getProperty("obsgrader.root", "..")).toAbsolutePath().normalize();
        rubric = RubricLoader.load(root.resolve("grader/src/main/resources/obsgrader/rubric.yml"))
                .withLanguage("en"); // their cards and oracles are English; the lab's default is French
    }

    @TestFactory
    Stream<DynamicTest> theGraderAgreesWithTheHandScore() throws IOException {
        Pattern picked = Pattern.compile(System.getProperty("variants.cases", ".*"));
        List<Path> variants;
        try (Stream<Path> folders = Files.list(CORPUS)) {
            variants = folders.filter(f -> Files.isRegularFile(f.resolve("hand.yml")))
                    .filter(f -> picked.matcher(f.getFileName().toString()).matches()).sorted().toList();
        }
        List<DynamicTest> tests = new ArrayList<>();
        variants.forEach(v -> tests.add(dynamicTest(v.getFileName() + " [static]", () -> check(v, Mode.STATIC, grade(v, Mode.STATIC)))));
        boolean live = Boolean.parseBoolean(System.getProperty("variants.live", "true"));
        // Live gradings go LIVE_AT_ONCE at a time from the start, beside the static ones: runs own their state, so
        // this also shows different submissions graded side by side keep their own scores.
        for (Path variant : variants.stream().filter(v -> live && HandScore.load(v).live()).toList()) {
            Future<ScoreCard> card = LIVE.submit(() -> grade(variant, Mode.FULL));
            tests.add(dynamicTest(variant.getFileName() + " [live]", () -> check(variant, Mode.FULL, card.get())));
        }
        return tests.stream();
    }

    private static void check(Path variant, Mode mode, ScoreCard card) {
        HandScore hand = HandScore.load(variant);
        assertThat(hand.problems(rubric)).as(variant.resolve("hand.yml").toString()).isEmpty();
        Comparison comparison = Comparison.of(hand, card);
        summary.add(String.format("%-28s %-6s hand %5s (of it assessed %5s)  grader %5s  largest criterion gap %4s (%s)  %3d s run",
                variant.getFileName(), mode == Mode.STATIC ? "static" : "live",
                ScoreCard.format(comparison.handTotal()), ScoreCard.format(comparison.handAssessed()),
                ScoreCard.format(comparison.graderAssessed()), ScoreCard.format(comparison.largestGap()),
                comparison.largestGapCriterion(), card.duration().toSeconds()));
        write(variant, mode, ConsoleCard.render(card) + "\n" + comparison.render());

        assertThat(card.gradable()).as("gradable: " + card.notGradable()).isTrue();
        assertThat(comparison.gaps()).as(comparison::render)
                .allSatisfy((criterion, gap) -> assertThat(Math.abs(gap)).as(criterion).isLessThanOrEqualTo(PER_CRITERION));
        assertThat(Math.abs(comparison.graderAssessed() - comparison.handAssessed())).as(comparison::render)
                .isLessThanOrEqualTo(IN_TOTAL);
    }

    private static ScoreCard grade(Path variant, Mode mode) {
        Path run = WORK.resolve(variant.getFileName().toString()).resolve(mode.name().toLowerCase());
        try (Grading grading = new Grading(Submission.load(variant.resolve("submission")), rubric, mode, run, new PromTools(true),
                RunSettings.fromSystemProperties())) {
            return grading.card();
        }
    }

    private static void write(Path variant, Mode mode, String text) {
        try {
            Path folder = WORK.resolve(variant.getFileName().toString());
            Files.createDirectories(folder);
            Files.writeString(folder.resolve(mode.name().toLowerCase() + "-comparison.txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The hand score against the grader's, over the lines the grader assessed, criterion by criterion. */
    record Comparison(double handTotal, double handAssessed, double graderAssessed, Map<String, Double> gaps, String render) {
        static Comparison of(HandScore hand, ScoreCard card) {
            Map<String, Double> gaps = new LinkedHashMap<>();
            StringBuilder lines = new StringBuilder("line                                hand  grader  why (hand) / reason (grader)\n");
            double handTotal = 0;
            double handAssessed = 0;
            double graderAssessed = 0;
            for (ScoreCard.CheckScore score : card.checksById().values()) {
                boolean bonus = !card.criteria().stream().map(ScoreCard.CriterionScore::id).toList().contains(score.criterion());
                double handPoints = hand.points(score.check());
                handTotal += bonus ? 0 : handPoints;
                if (score.verdict().evidence() == Evidence.NOT_ASSESSED) {
                    lines.append(String.format("%-34s %5s  %6s  not assessed: %s%n", score.check(), ScoreCard.format(handPoints), "-",
                            score.verdict().found()));
                    continue;
                }
                if (!bonus) {
                    handAssessed += handPoints;
                    graderAssessed += score.points();
                }
                gaps.merge(bonus ? "bonus" : score.criterion(), score.points() - handPoints, Double::sum);
                lines.append(String.format("%-34s %5s  %6s  %s%n%43s%s%n", score.check(), ScoreCard.format(handPoints),
                        ScoreCard.format(score.points()), hand.hand().get(score.check()).why(), "", score.verdict().reason()));
            }
            gaps.replaceAll((criterion, gap) -> ScoreCard.round(gap));
            return new Comparison(ScoreCard.round(handTotal), ScoreCard.round(handAssessed), ScoreCard.round(graderAssessed),
                    gaps, lines + "gaps (grader - hand) by criterion: " + gaps);
        }

        double largestGap() {
            return gaps.values().stream().mapToDouble(Math::abs).max().orElse(0);
        }

        String largestGapCriterion() {
            return gaps.entrySet().stream().max(Map.Entry.comparingByValue((a, b) -> Double.compare(Math.abs(a), Math.abs(b))))
                    .map(Map.Entry::getKey).orElse("-");
        }
    }

    @AfterAll
    static void report() {
        LIVE.shutdownNow();
        String text = "Variant corpus: " + summary.size() + " gradings in " + Duration.between(started, Instant.now()).toSeconds()
                + " s\n" + String.join("\n", summary);
        System.out.println(text);
        try {
            Files.createDirectories(WORK);
            Files.writeString(WORK.resolve("summary.txt"), text + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
