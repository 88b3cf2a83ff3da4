package obsgrader.grading;

import static obsgrader.i18n.Message.msg;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import obsgrader.checks.Check;
import obsgrader.checks.CheckCatalog;
import obsgrader.checks.Fault;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Phase;
import obsgrader.checks.Verdict;
import obsgrader.checks.alerts.DrillOverlap;
import obsgrader.engine.Compose;
import obsgrader.report.ScoreCard;
import obsgrader.review.Overrides;
import obsgrader.report.ScoreCard.CheckScore;
import obsgrader.report.ScoreCard.CriterionScore;
import obsgrader.rubric.Rubric;
import obsgrader.submission.Submission;
import obsgrader.tools.PromTools;

/**
 * A submission graded against a rubric, one {@link Step} at a time (so a test runner can show each), then
 * summed up in a {@link ScoreCard}.
 */
public final class Grading implements AutoCloseable {
    private final Rubric rubric;
    private final GradingRun run;
    private final Instant started = Instant.now();
    private final Map<Step, CheckScore> scores = new LinkedHashMap<>();
    /**
     * The checks that read the files alone (promtool and amtool among them), judged one after another on a thread
     * of their own from the first step on, while the stack boots and the load runs: their turn then takes no time.
     */
    private final ExecutorService filesThread = Executors.newSingleThreadExecutor(task -> new Thread(task, "obsgrader-files"));
    private final Map<Step, Future<Verdict>> fromFiles = new LinkedHashMap<>();
    private Overrides overrides = Overrides.none();
    private String student = "";
    private Map<String, String> earlier = Map.of();
    private final Progress progress;
    /** Where this grading takes its turns among a class's: alone, at once. */
    private PhaseGate gate = PhaseGate.alone();
    /** The furthest phase entered so far; the first live step enters the boot. */
    private Phase reached;

    /** One rubric line: its criterion (null for the bonus), the rubric item and the check behind it. */
    public record Step(String criterionId, String criterionTitle, Rubric.Item item, Check check) {
    }

    /** With the default settings. */
    public Grading(Submission submission, Rubric rubric, Mode mode, Path runFolder) {
        this(submission, rubric, mode, runFolder, RunSettings.defaults());
    }

    /** With the settings read at the edge ({@link RunSettings#fromSystemProperties}). */
    public Grading(Submission submission, Rubric rubric, Mode mode, Path runFolder, RunSettings settings) {
        this(submission, rubric, mode, runFolder, new PromTools(mode == Mode.FULL), settings);
    }

    /** With the promtool and amtool to use: a static grading may still run them from the images. */
    public Grading(Submission submission, Rubric rubric, Mode mode, Path runFolder, PromTools tools) {
        this(submission, rubric, mode, runFolder, tools, RunSettings.defaults());
    }

    public Grading(Submission submission, Rubric rubric, Mode mode, Path runFolder, PromTools tools, RunSettings settings) {
        this.rubric = rubric;
        this.run = new GradingRun(submission, mode, runFolder, tools, settings);
        this.progress = new Progress(steps(), rubric.messages(), mode);
    }

    /** The teacher's overrides of this student's lines, applied to the card before any report is written. */
    public Grading withOverrides(Overrides overrides, String student) {
        return withOverrides(overrides, student, Map.of());
    }

    /** The same on a regrade, held to what the earlier report's overrides were written against ({@link Overrides#apply}). */
    public Grading withOverrides(Overrides overrides, String student, Map<String, String> earlier) {
        this.overrides = overrides;
        this.student = student;
        this.earlier = earlier;
        return this;
    }

    /** Takes its turns for measured work at the class's gate, and tells it which phase it is in (a live grading). */
    public Grading withGate(PhaseGate gate) {
        // a static grading boots nothing and measures nothing: it has no phases to take turns for
        if (run.bootsStacks()) {
            this.gate = gate;
            run.useGate(gate);
        }
        return this;
    }

    /** Boots the stack with this compose rather than the settings' (a self-test grades under both). */
    public Grading withCompose(Compose.Choice choice) {
        run.useCompose(choice);
        return this;
    }

    /** The steps in the order they run: the rubric's, drills last (they disturb the stack). */
    public List<Step> steps() {
        return rubricSteps().stream().sorted(Comparator.comparing(step -> step.check().drill())).toList();
    }

    private List<Step> rubricSteps() {
        List<Step> steps = new ArrayList<>();
        for (Rubric.Criterion criterion : rubric.criteria()) {
            criterion.checks().forEach(item -> steps.add(step(criterion.id(), criterion.title(), item)));
        }
        if (rubric.bonus() != null) {
            rubric.bonus().checks().forEach(item -> steps.add(step("bonus", rubric.bonus().title(), item)));
        }
        return steps;
    }

    private static Step step(String criterionId, String criterionTitle, Rubric.Item item) {
        return new Step(criterionId, criterionTitle, item, CheckCatalog.find(item.check()).orElseThrow());
    }

    /** Grades a step, or returns its score when it was graded alongside an earlier drill. */
    public CheckScore grade(Step step) {
        CheckScore earlier = scores.get(step);
        if (earlier != null) {
            return earlier;
        }
        startFileChecks();
        progress.starting(step);
        Future<Verdict> judgedFromFiles = fromFiles.get(step);
        if (judgedFromFiles != null) {
            return record(step, result(judgedFromFiles, step, Function.identity()));
        }
        List<Step> guests = DrillOverlap.guestsOf(step.check().id()).stream()
                .flatMap(id -> steps().stream().filter(other -> other.check().id().equals(id) && !scores.containsKey(other)))
                .toList();
        Phase.of(step.check()).ifPresent(this::entering);
        if (!guests.isEmpty()) {
            return gradeAlongside(guests, step);
        }
        return record(step, judge(step));
    }

    /**
     * Tells the gate of a phase further along than the run's: a line read from the booted stack after the load
     * (the rules loaded, Grafana) is still part of the traffic phase's reading for the class.
     */
    private void entering(Phase phase) {
        if (reached == null || phase.compareTo(reached) > 0) {
            reached = phase;
            gate.entering(phase);
        }
    }

    /** Judges a live step, in a turn of the class's when its whole judging is measured. */
    private Verdict judge(Step step) {
        Check check = step.check();
        return Phase.measuredThroughout(check)
                ? gate.measured(Phase.of(check).orElseThrow(), () -> run.judge(check))
                : run.judge(check);
    }

    /**
     * Starts the guests in threads of their own as the host drill begins; once it is done, keeps each guest's
     * verdict if the host cannot have disturbed it, and judges the guest again otherwise.
     */
    private CheckScore gradeAlongside(List<Step> guests, Step host) {
        Instant hostStarted = Instant.now();
        ExecutorService pool = Executors.newFixedThreadPool(guests.size());
        try {
            Map<Step, Future<Judged>> running = new LinkedHashMap<>();
            guests.forEach(guest -> running.put(guest, pool.submit(() -> new Judged(run.judge(guest.check()), Instant.now()))));
            CheckScore hostScore = record(host, judge(host));
            running.forEach((guest, judged) -> {
                Judged alongside = result(judged, guest, verdict -> new Judged(verdict, Instant.now()));
                boolean stands = DrillOverlap.undisturbed(guest.check().id(), Duration.between(hostStarted, alongside.at()), run);
                record(guest, stands ? alongside.verdict() : run.judge(guest.check()));
            });
            return hostScore;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The files' checks run promtool and amtool in containers: in a class they take the boot's turn (joining this
     * grading's own), so that they never run beside another student's load, whose latencies are graded.
     */
    private void startFileChecks() {
        if (fromFiles.isEmpty()) {
            steps().stream().filter(step -> !step.check().live() && !scores.containsKey(step))
                    .forEach(step -> fromFiles.put(step, filesThread.submit(
                            () -> gate.measured(Phase.BOOT, () -> run.judge(step.check())))));
            steps().stream().filter(step -> step.check().live() && !scores.containsKey(step))
                    .forEach(step -> filesThread.submit(() -> gate.measured(Phase.BOOT, () -> {
                        run.prepare(step.check());
                        return step;
                    })));
        }
    }

    private record Judged(Verdict verdict, Instant at) {
    }

    /** What a check judged on another thread; judge() never throws, so a failure here is the grader's own. */
    private static <T> T result(Future<T> judged, Step step, Function<Verdict, T> otherwise) {
        try {
            return judged.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return otherwise.apply(Verdict.notAssessed(msg("grader.interrupted", step.check().id())));
        } catch (ExecutionException e) {
            return otherwise.apply(Verdict.faulted(Fault.GRADER, msg("grader.fault.error", String.valueOf(e.getCause()))));
        }
    }

    private CheckScore record(Step step, Verdict verdict) {
        CheckScore score = new CheckScore(step.criterionId(), step.check().id(), step.check().title(),
                ScoreCard.round(step.item().points() * verdict.fraction()), step.item().points(), verdict);
        scores.put(step, score);
        progress.done(step, score);
        return score;
    }

    /** Grades whatever step has not been graded yet, then sums up, the teacher's overrides applied. */
    public ScoreCard card() {
        steps().stream().filter(step -> !scores.containsKey(step)).forEach(this::grade);
        entering(Phase.COLLECT);
        List<CriterionScore> criteria = rubric.criteria().stream()
                .map(c -> new CriterionScore(c.id(), c.title(), c.points(), scoresOf(c.id())))
                .toList();
        double bonusCap = rubric.bonus() == null ? 0 : rubric.bonus().cap();
        return overrides.apply(new ScoreCard(run.submission().root().toString(), rubric.version(), rubric.passMark(),
                run.mode(), started, Duration.between(started, Instant.now()),
                run.environmentFault() == null ? null : rubric.messages().text(run.environmentFault()), run.environmentNotes(), criteria, scoresOf("bonus"), bonusCap), student, earlier);
    }

    private List<CheckScore> scoresOf(String criterionId) {
        return rubricSteps().stream().filter(step -> step.criterionId().equals(criterionId)).map(scores::get).toList();
    }

    /** What the checks see of this run: its intervals, its stack, its load (a benchmark reads them too). */
    public GradingContext context() {
        return run;
    }

    @Override
    public void close() {
        filesThread.shutdownNow();
        run.close();
    }
}
