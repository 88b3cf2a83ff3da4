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

    public record CheckScore(String criterion, String check, String title, double points, double max, Verdict verdict) {
        public double lost() {
            return max - points;
        }
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
                .filter(c -> c.verdict().evidence() == Evidence.NOT_ASSESSED)
                .mapToDouble(CheckScore::max).sum());
    }

    public static double round(double points) {
        return Math.round(points * 10) / 10.0;
    }

    public static String format(double points) {
        return points == Math.rint(points) ? String.valueOf((long) points) : String.valueOf(points);
    }
}
