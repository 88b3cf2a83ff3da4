package obsgrader.report;

import java.util.List;
import obsgrader.checks.Evidence;
import obsgrader.report.ScoreCard.CheckScore;
import obsgrader.report.ScoreCard.CriterionScore;

/** The score card a person reads in the terminal; its last line is {@code Points N/100}. */
public final class ConsoleCard {
    private static final int MAX_REASON = 300;
    private ConsoleCard() {
    }

    public static String render(ScoreCard card) {
        StringBuilder out = new StringBuilder();
        out.append("=".repeat(78)).append('\n');
        out.append("obsgrader: ").append(card.submission()).append('\n');
        out.append("rubric ").append(card.rubricVersion()).append(", mode ").append(card.mode())
                .append(", ").append(card.duration().toSeconds()).append(" s\n");
        card.environment().forEach((what, note) -> out.append("  * ").append(what).append(": ").append(note).append('\n'));
        if (!card.gradable()) {
            out.append("NOT GRADABLE: ").append(card.notGradable()).append('\n');
        }
        out.append("-".repeat(78)).append('\n');
        for (CriterionScore criterion : card.criteria()) {
            out.append(String.format("%-62s %6s/%s%n", criterion.title(), ScoreCard.format(criterion.points()),
                    ScoreCard.format(criterion.max())));
            for (CheckScore check : criterion.checks()) {
                appendCheck(out, check);
            }
        }
        if (!card.bonus().isEmpty()) {
            out.append(String.format("%-62s %6s (cap %s)%n", "Bonus", ScoreCard.format(card.bonusPoints()),
                    ScoreCard.format(card.bonusCap())));
            card.bonus().forEach(check -> appendCheck(out, check));
        }
        out.append("-".repeat(78)).append('\n');
        if (card.notAssessedPoints() > 0) {
            out.append("Not assessed: ").append(ScoreCard.format(card.notAssessedPoints()))
                    .append(" points (see the reasons above)\n");
        }
        out.append("Pass mark ").append(ScoreCard.format(card.passMark())).append(": ").append(card.outcome()).append('\n');
        out.append("Points ").append(ScoreCard.format(card.points())).append('/').append(ScoreCard.format(card.max()));
        return out.toString();
    }

    /** A reason on one line of the card; the full text is in score.md and results.json. */
    private static String oneLine(String text) {
        String line = text.replaceAll("\\s*\n\\s*", " | ");
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON) + "...";
    }

    private static void appendCheck(StringBuilder out, CheckScore check) {
        String mark = check.verdict().evidence() == Evidence.NOT_ASSESSED ? "n/a"
                : check.lost() <= 0 ? "ok" : "-" + ScoreCard.format(ScoreCard.round(check.lost()));
        out.append(String.format("  %-5s %-55s %5s/%s%n", mark, check.title(), ScoreCard.format(check.points()),
                ScoreCard.format(check.max())));
        if (!check.verdict().full()) {
            out.append("        ").append(oneLine(check.verdict().reason())).append('\n');
            if (!check.verdict().hint().isEmpty()) {
                out.append("        hint: ").append(check.verdict().hint()).append('\n');
            }
        }
    }

}
