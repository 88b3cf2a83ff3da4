package obsgrader.report;

import obsgrader.report.ScoreCard.CheckScore;
import obsgrader.report.ScoreCard.CriterionScore;

/** {@code score.md}: the card for humans, in a form that reads well on GitHub or in an e-mail. */
public final class ScoreMarkdown {
    private ScoreMarkdown() {
    }

    public static String render(ScoreCard card) {
        StringBuilder md = new StringBuilder();
        md.append("# obsgrader: ").append(ScoreCard.format(card.points())).append('/')
                .append(ScoreCard.format(card.max())).append(", ").append(card.outcome().toLowerCase()).append("\n\n");
        md.append("Submission `").append(card.submission()).append("`, rubric ").append(card.rubricVersion())
                .append(", pass mark ").append(ScoreCard.format(card.passMark())).append(", mode ").append(card.mode())
                .append(".\n\n");
        if (!card.gradable()) {
            md.append("> **Not gradable:** ").append(card.notGradable()).append("\n\n");
        }
        if (!card.environment().isEmpty()) {
            md.append("Grading environment:\n\n");
            card.environment().forEach((what, note) -> md.append("- `").append(what).append("`: ").append(note).append('\n'));
            md.append('\n');
        }
        md.append("| criterion | points |\n|---|---|\n");
        card.criteria().forEach(c -> md.append("| ").append(c.title()).append(" | ").append(ScoreCard.format(c.points()))
                .append('/').append(ScoreCard.format(c.max())).append(" |\n"));
        if (!card.bonus().isEmpty()) {
            md.append("| Bonus (cap ").append(ScoreCard.format(card.bonusCap())).append(") | ")
                    .append(ScoreCard.format(card.bonusPoints())).append(" |\n");
        }
        md.append("\n## Checks\n\n| | check | points | evidence | reason | hint |\n|---|---|---|---|---|---|\n");
        for (CriterionScore criterion : card.criteria()) {
            criterion.checks().forEach(check -> row(md, check));
        }
        card.bonus().forEach(check -> row(md, check));
        return md.toString();
    }

    private static void row(StringBuilder md, CheckScore check) {
        md.append("| ").append(check.verdict().full() ? "✅" : check.points() > 0 ? "🟡" : "❌").append(" | ")
                .append(check.title()).append(" | ").append(ScoreCard.format(check.points())).append('/')
                .append(ScoreCard.format(check.max())).append(" | ").append(check.verdict().evidence().label())
                .append(" | ").append(check.verdict().full() ? "" : cell(check.verdict().reason()))
                .append(" | ").append(cell(check.verdict().hint())).append(" |\n");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", "<br>");
    }
}
