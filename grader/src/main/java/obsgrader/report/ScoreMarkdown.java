package obsgrader.report;

import java.util.List;
import obsgrader.checks.Evidence;
import obsgrader.checks.Verdict;
import obsgrader.i18n.Messages;
import obsgrader.report.ScoreCard.CheckScore;
import obsgrader.report.ScoreCard.CriterionScore;

/** {@code score.md}: the card for humans, in a form that reads well on GitHub or in an e-mail, with its charts. */
public final class ScoreMarkdown {
    private ScoreMarkdown() {
    }

    public static String render(ScoreCard card, Messages messages) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(messages.get("report.md.title", messages.number(card.points()), messages.number(card.max()),
                card.outcome(messages).toLowerCase(messages.locale()))).append("\n\n");
        md.append(messages.get("report.md.run", card.submission(), card.rubricVersion(), messages.number(card.passMark()),
                messages.get("report.mode." + card.mode()), messages.language())).append("\n\n");
        if (!card.gradable()) {
            md.append("> ").append(messages.get("report.md.not-gradable", card.notGradable())).append("\n\n");
        }
        if (!card.environment().isEmpty()) {
            md.append(messages.get("report.md.environment")).append("\n\n");
            card.environment().forEach((what, note) -> md.append("- ").append(messages.get("report.md.note", messages.note(what),
                    note)).append('\n'));
            md.append('\n');
        }
        md.append(messages.get("report.md.criteria-header")).append("\n|---|---|\n");
        card.criteria().forEach(c -> md.append("| ").append(messages.criterion(c.id(), c.title())).append(" | ")
                .append(messages.number(c.points())).append('/').append(messages.number(c.max())).append(" |\n"));
        if (!card.bonus().isEmpty()) {
            md.append("| ").append(messages.get("report.md.bonus-row", messages.number(card.bonusCap()))).append(" | ")
                    .append(messages.number(card.bonusPoints())).append(" |\n");
        }
        pictures(md, card, messages);
        md.append("\n## ").append(messages.get("report.md.checks")).append("\n\n")
                .append(messages.get("report.md.checks-header")).append("\n|---|---|---|---|---|---|\n");
        for (CriterionScore criterion : card.criteria()) {
            criterion.checks().forEach(check -> row(md, check, messages));
        }
        card.bonus().forEach(check -> row(md, check, messages));
        return md.toString();
    }

    private static void pictures(StringBuilder md, ScoreCard card, Messages messages) {
        List<Verdict.Picture> pictures = card.pictures();
        if (pictures.isEmpty()) {
            return;
        }
        md.append("\n## ").append(messages.get("report.md.pictures")).append("\n\n");
        for (Verdict.Picture picture : pictures) {
            md.append("![").append(messages.text(picture.name())).append("](").append(picture.file()).append(")\n\n");
        }
    }

    private static void row(StringBuilder md, CheckScore check, Messages messages) {
        Verdict.Rendered text = check.verdict().in(messages);
        String mark = check.overridden() != null ? "✍️" : check.verdict().full() ? "✅" : check.verdict().evidence() == Evidence.NOT_ASSESSED ? "⚪"
                : check.points() > 0 ? "🟡" : "❌";
        md.append("| ").append(mark).append(" | ")
                .append(messages.title(check.check(), check.title())).append(" | ").append(messages.number(check.points()))
                .append('/').append(messages.number(check.max())).append(" | ")
                .append(messages.get("report.evidence." + check.verdict().evidence().label()))
                .append(" | ").append(cell(teacher(check, messages) + (check.verdict().full() ? text.measured() : text.reason())))
                .append(" | ").append(cell(text.hint())).append(" |\n");
    }

    /** An overridden line's cell starts with the teacher's word, the grader's verdict after it. */
    private static String teacher(CheckScore check, Messages messages) {
        return check.overridden() == null ? "" : "**" + messages.get("report.md.overridden") + "**: "
                + OverrideText.of(check, messages) + "\n" + messages.get("report.override.grader", "");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", "<br>");
    }
}
