package obsgrader.report;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import obsgrader.checks.Evidence;
import obsgrader.checks.Verdict;
import obsgrader.i18n.Message;
import obsgrader.i18n.Messages;
import obsgrader.grading.Mode;

/** A graded submission: every check's points against the rubric, and how the run went. */
public record ScoreCard(String submission, String rubricVersion, double passMark, Mode mode, Instant started,
                        Duration duration, String notGradable, Map<String, Message> environment,
                        List<CriterionScore> criteria, List<CheckScore> bonus, double bonusCap) {

    /**
     * A rubric line's score; {@code overridden} is the teacher's last word on it (null when none): then
     * {@code points} are the teacher's and the verdict stays the grader's, shown beside them.
     */
    public record CheckScore(String criterion, String check, String title, double points, double max, Verdict verdict,
                             Overridden overridden) {
        public CheckScore(String criterion, String check, String title, double points, double max, Verdict verdict) {
            this(criterion, check, title, points, max, verdict, null);
        }

        public double lost() {
            return max - points;
        }

        /** Not assessed here, and no teacher gave it points either. */
        public boolean notAssessed() {
            return verdict.evidence() == Evidence.NOT_ASSESSED && overridden == null;
        }

        /** The same line with the teacher's points in place of the grader's. */
        public CheckScore overriddenBy(Overridden teacher) {
            return new CheckScore(criterion, check, title, teacher.points(), max, verdict, teacher);
        }
    }

    /**
     * A teacher's override of one line, as applied: their points, reason, name and date; the grader's own points
     * (or that it could not assess the line); where the entry is ({@code file:line}); and whether the grader's
     * verdict has changed since the override was written ({@code stale}): {@code graderSaid} is what the entry says
     * the grader gave (null when it does not say), {@code against} what the override was written against, the
     * entry's word or else the grader's verdict when the override was first applied (null when unknown).
     */
    public record Overridden(double points, double graderPoints, boolean graderNotAssessed, String graderSaid, String against,
                             String reason, String who, String when, String source, boolean stale) {
        /** What {@code graderSaid} holds when the teacher wrote that the grader could not assess the line. */
        public static final String NOT_ASSESSED = "not assessed";
    }

    public record CriterionScore(String id, String title, double max, List<CheckScore> checks) {
        public double points() {
            return round(checks.stream().mapToDouble(CheckScore::points).sum());
        }
    }

    public double points() {
        return round(criteria.stream().mapToDouble(CriterionScore::points).sum());
    }

    public double max() {
        return criteria.stream().mapToDouble(CriterionScore::max).sum();
    }

    public double bonusPoints() {
        return round(Math.min(bonusCap, bonus.stream().mapToDouble(CheckScore::points).sum()));
    }

    /**
     * The grade, defined here once and written the same everywhere (card, score.md, results.json, JUnit, Allure,
     * gradebook, the points line): the criteria's points plus the bonus (up to the bonus's cap), never above the
     * rubric's maximum. A bonus makes up for points lost elsewhere, as a teacher's bonus does; the pass mark is
     * held against this total. A run that is not gradable has no total: callers check {@link #gradable()} first.
     */
    public double total() {
        return round(Math.min(max(), points() + bonusPoints()));
    }

    /**
     * The line CI parses for the grade ({@code Points 97.5/100}), the same in every language (a dot decimal,
     * whatever the report's language writes), so that one regular expression reads every run. A run that is not
     * gradable has none.
     */
    public String pointsLine() {
        return "Points " + format(total()) + "/" + format(max());
    }

    public boolean gradable() {
        return notGradable == null;
    }

    public boolean passed() {
        return gradable() && total() >= passMark;
    }

    /** Every check of the criteria and of the bonus, by rubric id, in the rubric's order. */
    public Map<String, CheckScore> checksById() {
        Map<String, CheckScore> scores = new LinkedHashMap<>();
        Stream.concat(criteria.stream().flatMap(c -> c.checks().stream()), bonus.stream())
                .forEach(score -> scores.put(score.check(), score));
        return scores;
    }

    /** The lines a teacher overrode, in the rubric's order. */
    public List<CheckScore> overridden() {
        return checksById().values().stream().filter(check -> check.overridden() != null).toList();
    }

    /** The same card, these lines' scores replacing the ones of the same ids (a teacher's overrides). */
    public ScoreCard withScores(Map<String, CheckScore> replaced) {
        List<CriterionScore> changed = criteria.stream().map(c -> new CriterionScore(c.id(), c.title(), c.max(),
                c.checks().stream().map(check -> replaced.getOrDefault(check.check(), check)).toList())).toList();
        return new ScoreCard(submission, rubricVersion, passMark, mode, started, duration, notGradable, environment,
                changed, bonus.stream().map(check -> replaced.getOrDefault(check.check(), check)).toList(), bonusCap);
    }

    /** Every chart of the run, in the rubric's order. */
    public List<Verdict.Picture> pictures() {
        return checksById().values().stream().flatMap(check -> check.verdict().pictures().stream()).toList();
    }

    /** The most the submission can score: its total, plus the points of every check not assessed. */
    public double reachable() {
        return round(Math.min(max(), total() + notAssessedPoints()));
    }

    /**
     * Against the pass mark: passed, failed, or not gradable; a static self-check, which cannot assess the live
     * points, leaves it open unless the points already lost put it out of reach.
     */
    public String outcome() {
        return outcome(Messages.ENGLISH);
    }

    public String outcome(Messages messages) {
        if (!gradable()) {
            return messages.get("report.outcome.not-gradable");
        }
        if (passed()) {
            return messages.get("report.outcome.passed");
        }
        if (mode != Mode.STATIC) {
            return messages.get("report.outcome.failed");
        }
        return reachable() >= passMark
                ? messages.get("report.outcome.open", messages.number(total()), messages.number(reachable()))
                : messages.get("report.outcome.out-of-reach", messages.number(reachable()));
    }

    /** Points of checks that could not be assessed (no stack, a service that cannot run here). */
    public double notAssessedPoints() {
        return round(criteria.stream().flatMap(c -> c.checks().stream())
                .filter(CheckScore::notAssessed)
                .mapToDouble(CheckScore::max).sum());
    }

    public static double round(double points) {
        return Math.round(points * 10) / 10.0;
    }

    public static String format(double points) {
        return points == Math.rint(points) ? String.valueOf((long) points) : String.valueOf(points);
    }
}
