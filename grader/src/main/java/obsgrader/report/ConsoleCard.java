package obsgrader.report;

import obsgrader.checks.Evidence;
import obsgrader.i18n.Messages;
import obsgrader.report.ScoreCard.CheckScore;
import obsgrader.report.ScoreCard.CriterionScore;

/** The score card a person reads in the terminal, in the run's language; its last line is {@code Points N/100}. */
public final class ConsoleCard {
    private static final int MAX_REASON = 300;
    private ConsoleCard() {
    }

    public static String render(ScoreCard card) {
        return render(card, Messages.ENGLISH);
    }

    public static String render(ScoreCard card, Messages messages) {
        StringBuilder out = new StringBuilder();
        out.append("=".repeat(78)).append('\n');
        out.append(messages.get("report.card.header", card.submission())).append('\n');
        out.append(messages.get("report.card.run", card.rubricVersion(), messages.get("report.mode." + card.mode()),
                messages.duration(card.duration()), messages.language())).append('\n');
        card.environment().forEach((what, note) -> out.append("  * ").append(messages.get("report.card.note",
                messages.note(what), note)).append('\n'));
        if (!card.gradable()) {
            out.append(messages.get("report.card.not-gradable", card.notGradable())).append('\n');
        }
        out.append("-".repeat(78)).append('\n');
        for (CriterionScore criterion : card.criteria()) {
            out.append(String.format("%-62s %6s/%s%n", messages.criterion(criterion.id(), criterion.title()),
                    messages.number(criterion.points()), messages.number(criterion.max())));
            for (CheckScore check : criterion.checks()) {
                appendCheck(out, check, messages);
            }
        }
        if (!card.bonus().isEmpty()) {
            out.append(String.format("%-62s %6s%n", messages.get("report.card.bonus"), messages.get("report.card.bonus-cap",
                    messages.number(card.bonusPoints()), messages.number(card.bonusCap()))));
            card.bonus().forEach(check -> appendCheck(out, check, messages));
        }
        out.append("-".repeat(78)).append('\n');
        if (card.notAssessedPoints() > 0) {
            out.append(messages.get("report.card.not-assessed", messages.number(card.notAssessedPoints()))).append('\n');
        }
        out.append(messages.get("report.card.pass-mark", messages.number(card.passMark()), card.outcome(messages))).append('\n');
        out.append(messages.get("report.card.points", messages.number(card.points()), messages.number(card.max())));
        return out.toString();
    }

    /** A reason on one line of the card; the full text is in score.md and results.json. */
    private static String oneLine(String text) {
        String line = text.replaceAll("\\s*\n\\s*", " | ");
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON) + "...";
    }

    private static void appendCheck(StringBuilder out, CheckScore check, Messages messages) {
        var text = check.verdict().in(messages);
        String mark = check.overridden() != null ? messages.get("report.mark.overridden")
                : check.verdict().evidence() == Evidence.NOT_ASSESSED ? messages.get("report.mark.not-assessed")
                : check.lost() <= 0 ? messages.get("report.mark.ok") : "-" + messages.number(ScoreCard.round(check.lost()));
        out.append(String.format("  %-5s %-55s %5s/%s%n", mark, messages.title(check.check(), check.title()),
                messages.number(check.points()), messages.number(check.max())));
        if (check.overridden() != null) {
            // the teacher's word first, the grader's verdict kept under it
            out.append("        ").append(oneLine(OverrideText.of(check, messages))).append('\n');
        }
        String grader = check.overridden() == null ? "%s" : messages.get("report.override.grader", "%s");
        if (!check.verdict().full()) {
            out.append("        ").append(oneLine(grader.formatted(text.reason()))).append('\n');
            if (!text.hint().isEmpty()) {
                out.append("        ").append(messages.get("report.card.hint", text.hint())).append('\n');
            }
        } else if (!text.measured().isEmpty()) {
            out.append("        ").append(oneLine(messages.get("report.card.measured", text.measured()))).append('\n');
        }
    }
}
