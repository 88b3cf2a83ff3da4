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

    public boolean gradable() {
        return notGradable == null;
    }

    public boolean passed() {
        return gradable() && points() >= passMark;
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

    /** The most the submission can score: its points, plus those of every check not assessed. */
    public double reachable() {
        return round(points() + notAssessedPoints());
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
                ? messages.get("report.outcome.open", messages.number(points()), messages.number(reachable()))
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
