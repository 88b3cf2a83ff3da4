package obsgrader.report;

import obsgrader.i18n.Messages;
import obsgrader.report.ScoreCard.CheckScore;
import obsgrader.report.ScoreCard.Overridden;

/** The sentences every report writes beside an overridden line: the teacher's points and reason, and the grader's. */
public final class OverrideText {
    private OverrideText() {
    }

    /** "set by J. Martin on 2026-12-07: 5/5 in place of the grader's 0 (reason)", and whether it went stale. */
    public static String of(CheckScore check, Messages messages) {
        Overridden teacher = check.overridden();
        String text = messages.get("report.override.line", teacher.who(), teacher.when(), messages.number(teacher.points()),
                messages.number(check.max()), grader(teacher, messages), teacher.reason());
        return teacher.stale() ? text + " " + stale(teacher, messages) : text;
    }

    /** The grader's points, or that it could not assess the line. */
    public static String grader(Overridden teacher, Messages messages) {
        return teacher.graderNotAssessed() ? messages.get("report.override.not-assessed") : messages.number(teacher.graderPoints());
    }

    /** Said when the grader's verdict is no longer the one the teacher overrode. */
    public static String stale(Overridden teacher, Messages messages) {
        String said = Overridden.NOT_ASSESSED.equals(teacher.against()) ? messages.get("report.override.not-assessed")
                : messages.number(Double.parseDouble(teacher.against()));
        return messages.get("report.override.stale", said, grader(teacher, messages));
    }
}
