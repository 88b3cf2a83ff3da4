package obsgrader;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import obsgrader.checks.GradingContext;
import obsgrader.checks.alerts.DrillOverlap;
import obsgrader.checks.alerts.OutageAlertFires;
import obsgrader.grading.Grading;
import obsgrader.grading.Mode;
import obsgrader.grading.RunSettings;
import obsgrader.report.ScoreCard;
import obsgrader.rubric.RubricLoader;
import obsgrader.submission.Submission;
import org.junit.jupiter.api.Test;

/**
 * How long a grade takes, phase by phase, against the floor the submission's own intervals impose: the boot,
 * the load as Gatling ran it, the scrape that frames it, then the outage drill's wait (a scrape, the outage
 * alert's {@code for}, an evaluation) and one evaluation for the burst's alerts to go pending; everything else
 * could, in principle, overlap those. {@code mvn verify -Pbenchmark -Dit.test=GradeTimeBenchmark [-Dstack=PATH]}
 * (the reference by default). A measurement: nothing is asserted.
 */
public class GradeTimeBenchmark {
    /** A grade's time against its floor, and the table that explains both. */
    public record Measurement(Duration took, Duration floor, double points, String report) {
        public double timesTheFloor() {
            return (double) took.toMillis() / floor.toMillis();
        }
    }

    @Test
    void gradeTimeAgainstItsFloor() {
        Path root = Path.of(System.getProperty("obsgrader.root", "..")).toAbsolutePath().normalize();
        String stack = System.getProperty("stack", "");
        System.out.println(measure(root, root.resolve(stack.isBlank() ? "stack" : stack), Path.of("target", "benchmark-grade")).report());
    }

    /** Grades a submission alone on the full rubric, step by step, and sets its time against its floor. */
    public static Measurement measure(Path root, Path submission, Path reports) {
        Map<String, Duration> phases = new LinkedHashMap<>();
        Instant start = Instant.now();
        // the reference links to the grader's sample-api: read as a grading run reads it
        try (Grading grading = new Grading(Submission.load(submission, RunSettings.defaults().referenceMaterial()),
                RubricLoader.load(root.resolve("grader/src/main/resources/obsgrader/rubric.yml")), Mode.FULL, reports)) {
            for (Grading.Step step : grading.steps()) {
                Instant stepStarted = Instant.now();
                grading.grade(step);
                Duration took = Duration.between(stepStarted, Instant.now());
                String id = step.check().id();
                String phase = switch (id) {
                    case "deployed.services-running" -> "boot (services running)";
                    case "metrics.requests-match-load" -> "load phase (quiet scrape, Gatling, framing scrape)";
                    default -> step.check().drill() ? "drill " + id + withGuests(id)
                            : took.toSeconds() >= 2 ? "check " + id : "other checks (each under 2 s; the files' checks run beside)";
                };
                phases.merge(phase, took, Duration::plus);
            }
            Duration total = Duration.between(start, Instant.now());
            ScoreCard card = grading.card();
            GradingContext context = grading.context();
            Duration boot = phases.getOrDefault("boot (services running)", Duration.ZERO);
            Duration gatling = context.load().wallTime();
            Duration floor = boot.plus(gatling).plus(context.scrapeInterval()).plus(OutageAlertFires.floor(context))
                    .plus(context.evaluationInterval());
            StringBuilder report = new StringBuilder(String.format(Locale.ROOT, "%nGrade of %s: %s points, %d s in all%n",
                    submission, ScoreCard.format(card.points()), total.toSeconds()));
            phases.forEach((phase, took) -> report.append(String.format(Locale.ROOT, "  %-75s %4d s%n", phase, took.toSeconds())));
            report.append(String.format(Locale.ROOT, "  of which Gatling %d s%n", gatling.toSeconds()));
            report.append(String.format(Locale.ROOT, "Floor from the submission's intervals (scrape %d s, evaluation %d s): "
                            + "boot %d + load %d + a scrape %d + outage %d (scrape + for + evaluation) + an evaluation %d = %d s; "
                            + "the grade took %.2f times that%n",
                    context.scrapeInterval().toSeconds(), context.evaluationInterval().toSeconds(), boot.toSeconds(),
                    gatling.toSeconds(), context.scrapeInterval().toSeconds(), OutageAlertFires.floor(context).toSeconds(),
                    context.evaluationInterval().toSeconds(), floor.toSeconds(), (double) total.toMillis() / floor.toMillis()));
            return new Measurement(total, floor, card.points(), report.toString());
        }
    }

    private static String withGuests(String drill) {
        return DrillOverlap.guestsOf(drill).isEmpty() ? "" : " (with " + String.join(", ", DrillOverlap.guestsOf(drill)) + " alongside)";
    }
}
