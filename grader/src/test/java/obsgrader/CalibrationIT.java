package obsgrader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import obsgrader.calibration.Comparison;
import obsgrader.calibration.HandScore;
import obsgrader.grading.Grading;
import obsgrader.grading.Mode;
import obsgrader.grading.Settings;
import obsgrader.report.ScoreCard;
import obsgrader.rubric.Rubric;
import obsgrader.submission.Submission;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The calibration benchmark behind {@code mvn verify -Dcalibration=DIR} (docs/calibration.md): grades every stack
 * of DIR statically, pairs its file-decided lines with its hand score ({@code -Dcalibration.hand}, by default
 * {@code ../shared/calibration/hand-scores}) and prints the disagreement. A measurement, not a test: it fails
 * only when it cannot measure.
 */
class CalibrationIT {
    @Test
    void gradesTheStacksAndComparesWithTheHand() throws IOException {
        String folder = System.getProperty("calibration");
        Assumptions.assumeTrue(folder != null && !folder.isBlank(), "-Dcalibration=DIR names the stacks");
        Settings settings = Settings.fromSystemProperties();
        Path root = Path.of(System.getProperty("obsgrader.root", ".")).toAbsolutePath();
        Path stacks = root.resolve(folder).normalize();
        Path hands = root.resolve(System.getProperty("calibration.hand", "../shared/calibration/hand-scores")).normalize();
        Path out = settings.reports().resolve("calibration");
        Rubric rubric = settings.loadRubric();
        Comparison comparison = new Comparison();
        List<Path> folders;
        try (Stream<Path> list = Files.list(stacks)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        }
        for (Path stack : folders) {
            String name = stack.getFileName().toString();
            Path hand = hands.resolve(name + ".md");
            if (!Files.isRegularFile(hand)) {
                System.out.println("[calibration] " + name + ": no hand score " + hand + ", left out");
                continue;
            }
            System.out.println("[calibration] grading " + name + " statically");
            Map<String, double[]> graded = new LinkedHashMap<>();
            try (Grading grading = new Grading(Submission.load(stack), rubric, Mode.STATIC, out.resolve(name))) {
                ScoreCard card = grading.card();
                StringBuilder reasons = new StringBuilder();
                card.checksById().forEach((id, score) -> {
                    graded.put(id, new double[] {score.points(), score.max()});
                    reasons.append(id).append(' ').append(ScoreCard.format(score.points())).append('/')
                            .append(ScoreCard.format(score.max())).append(": ").append(score.verdict().in(rubric.messages()).reason()).append('\n');
                });
                // The grader's reasons beside the table, to read a disagreement against the hand's.
                Files.createDirectories(out.resolve(name));
                Files.writeString(out.resolve(name).resolve("lines.txt"), reasons);
            }
            comparison.add(name, graded, HandScore.parse(name, Files.readString(hand)));
        }
        Assumptions.assumeFalse(comparison.stacks().isEmpty(), "no stack of " + stacks + " has a hand score in " + hands);
        String table = comparison.render();
        Files.createDirectories(out);
        Files.writeString(out.resolve("calibration.txt"), table);
        Files.writeString(out.resolve("calibration.tsv"), comparison.tsv());
        System.out.println(table);
        System.out.println("[calibration] written to " + out.resolve("calibration.txt") + " and calibration.tsv");
    }
}
