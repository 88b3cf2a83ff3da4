package obsgrader.report;

import java.util.List;
import obsgrader.checks.Evidence;
import obsgrader.checks.Verdict;
import obsgrader.i18n.Messages;
import obsgrader.report.ScoreCard.CheckScore;
import obsgrader.report.ScoreCard.CriterionScore;

/**
 * {@code score.md}: the card for humans, in a form that reads well on GitHub or in an e-mail, with its charts; in the
 * card's order: the score, what was lost and why, every line (each with its section of the marking guide), then the
 * grading environment.
 */
public final class ScoreMarkdown {
    private ScoreMarkdown() {
    }

    public static String render(ScoreCard card, Messages messages) {
        return render(card, messages, true);
    }

    /** Without the charts' links where they cannot be followed (Gradescope shows the text alone). */
    public static String render(ScoreCard card, Messages messages, boolean withPictures) {
        StringBuilder md = new StringBuilder();
        if (!card.gradable()) {
            md.append("# ").append(messages.get("report.md.title-not-gradable")).append("\n\n");
            md.append("> ").append(messages.get("report.md.not-gradable", card.notGradable())).append("\n>\n> ")
                    .append(messages.get("report.card.not-gradable-why")).append("\n\n");
        } else {
            md.append("# ").append(messages.get("report.md.title", messages.number(card.total()), messages.number(card.max()),
                    card.outcome(messages).toLowerCase(messages.locale()))).append("\n\n");
            if (card.bonusPoints() > 0) {
                md.append(ConsoleCard.scoreDetail(card, messages)).append("\n\n");
            }
            lost(md, card, messages);
        }
        if (card.gradable()) {
            md.append(messages.get("report.md.criteria-header")).append("\n|---|---|\n");
            card.criteria().forEach(c -> md.append("| ").append(messages.criterion(c.id(), c.title())).append(" | ")
                    .append(messages.number(c.points())).append('/').append(messages.number(c.max())).append(" |\n"));
            if (!card.bonus().isEmpty()) {
                md.append("| ").append(messages.get("report.md.bonus-row", messages.number(card.bonusCap()))).append(" | ")
                        .append(messages.number(card.bonusPoints())).append(" |\n");
            }
        }
        if (withPictures) {
            pictures(md, card, messages);
        }
        md.append("\n## ").append(messages.get("report.md.checks")).append("\n\n")
                .append(messages.get("report.md.checks-header")).append("\n|---|---|---|---|---|---|---|\n");
        for (CriterionScore criterion : card.criteria()) {
            criterion.checks().forEach(check -> row(md, check, messages, false, card.gradable()));
        }
        card.bonus().forEach(check -> row(md, check, messages, true, card.gradable()));
        md.append("\n## ").append(messages.get("report.md.environment")).append("\n\n")
                .append(messages.get("report.md.run", card.submission(), card.rubricVersion(), messages.number(card.passMark()),
                        messages.get("report.mode." + card.mode()), messages.language())).append("\n\n");
        EnvironmentNotes.groups(card.environment(), messages).forEach(group -> {
            md.append("**").append(messages.get(group.heading())).append("**\n\n");
            group.lines().forEach(line -> md.append(line.startsWith("  ") ? "  - " + line.strip() : "- " + line).append('\n'));
            md.append('\n');
        });
        return md.toString();
    }

    /** What cost points, and why, before the tables: the student reads this first. */
    private static void lost(StringBuilder md, ScoreCard card, Messages messages) {
        var lost = card.criteria().stream().flatMap(c -> c.checks().stream())
                .filter(check -> check.lost() > 0 && check.verdict().evidence() != Evidence.NOT_ASSESSED).toList();
        if (lost.isEmpty()) {
            md.append(messages.get("report.card.nothing-lost")).append("\n\n");
            return;
        }
        md.append("## ").append(messages.get("report.card.lost-header", messages.number(ScoreCard.round(
                lost.stream().mapToDouble(CheckScore::lost).sum())))).append("\n\n");
        lost.forEach(check -> {
            Verdict.Rendered text = check.verdict().in(messages);
            md.append("- **").append(messages.title(check.check(), check.title())).append("** (")
                    .append(messages.number(check.points())).append('/').append(messages.number(check.max())).append("): ")
                    .append(text.reason().replace("\n", " ")).append(text.hint().isEmpty() ? "" : " " + messages.get("report.card.hint",
                            text.hint())).append(" [").append(messages.get("report.md.guide")).append("](")
                    .append(Guide.section(check.check(), messages)).append(")\n");
        });
        md.append('\n');
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

    /** A line of the table; without its points when the run is not gradable (no grade to add up). */
    private static void row(StringBuilder md, CheckScore check, Messages messages, boolean bonus, boolean points) {
        Verdict.Rendered text = check.verdict().in(messages);
        boolean notAttempted = bonus && check.points() == 0;
        String mark = check.verdict().full() ? "✅" : check.verdict().evidence() == Evidence.NOT_ASSESSED ? "⚪"
                : notAttempted ? "➖" : check.points() > 0 ? "🟡" : "❌";
        md.append("| ").append(mark).append(" | ")
                .append(messages.title(check.check(), check.title())).append(" | ")
                .append(points ? messages.number(check.points()) + "/" + messages.number(check.max()) : "—").append(" | ")
                .append(messages.get("report.evidence." + check.verdict().evidence().label()))
                .append(" | ").append(cell(notAttempted ? messages.get("report.md.not-attempted")
                        : check.verdict().full() ? text.measured() : text.reason()))
                .append(" | ").append(cell(text.hint()))
                .append(" | [").append(check.check()).append("](").append(Guide.section(check.check(), messages)).append(") |\n");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", "<br>");
    }
}
