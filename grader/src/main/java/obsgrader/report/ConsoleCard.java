package obsgrader.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import obsgrader.checks.Evidence;
import obsgrader.i18n.Messages;
import obsgrader.report.ScoreCard.CheckScore;
import obsgrader.report.ScoreCard.CriterionScore;

/**
 * The score card a person reads in the terminal, in the run's language, in the order a student needs it: the
 * score, then what was lost and why (each with its hint and its section of the marking guide), every line by
 * criterion, and only then the grading environment, grouped. Its last line is {@link ScoreCard#pointsLine()}
 * ({@code Points 97.5/100}, for CI), or, for a run that is not gradable, the reason, with no points at all.
 */
public final class ConsoleCard {
    private static final int MAX_REASON = 300;
    private static final String RULE = "-".repeat(78);

    private ConsoleCard() {
    }

    /** In English (the self-tests' cards). */
    public static String render(ScoreCard card) {
        return render(card, Messages.ENGLISH);
    }

    public static String render(ScoreCard card, Messages messages) {
        StringBuilder out = new StringBuilder();
        out.append("=".repeat(78)).append('\n');
        out.append(messages.get("report.card.header", card.submission())).append('\n');
        if (!card.gradable()) {
            out.append(messages.get("report.card.not-gradable", card.notGradable())).append('\n');
            out.append(messages.get("report.card.not-gradable-why")).append('\n');
        } else {
            out.append(score(card, messages)).append('\n');
            if (card.bonusPoints() > 0) {
                out.append("  ").append(scoreDetail(card, messages)).append('\n');
            }
            out.append(RULE).append('\n');
            lost(out, card, messages);
        }
        out.append(RULE).append('\n');
        out.append(messages.get("report.card.lines")).append('\n');
        for (CriterionScore criterion : card.criteria()) {
            // a run that is not gradable shows what each line found, without points a reader could add up
            out.append(card.gradable() ? String.format("%-62s %6s/%s%n", messages.criterion(criterion.id(), criterion.title()),
                    messages.number(criterion.points()), messages.number(criterion.max()))
                    : messages.criterion(criterion.id(), criterion.title()) + "\n");
            criterion.checks().forEach(check -> appendCheck(out, check, messages, false, card.gradable(), card.notGradable()));
        }
        if (!card.bonus().isEmpty() && card.gradable()) {
            out.append(String.format("%-62s %6s%n", messages.get("report.card.bonus"), messages.get("report.card.bonus-cap",
                    messages.number(card.bonusPoints()), messages.number(card.bonusCap()))));
            card.bonus().forEach(check -> appendCheck(out, check, messages, true, true, null));
        }
        out.append(RULE).append('\n');
        out.append(messages.get("report.card.run", card.rubricVersion(), messages.get("report.mode." + card.mode()),
                messages.duration(card.duration()), messages.language())).append('\n');
        EnvironmentNotes.groups(card.environment(), messages).forEach(group -> {
            out.append(messages.get(group.heading())).append('\n');
            group.lines().forEach(line -> out.append("  ").append(line).append('\n'));
        });
        out.append(RULE).append('\n');
        if (!card.gradable()) {
            return out.append(messages.get("report.card.not-gradable", card.notGradable())).toString();
        }
        out.append(messages.get("report.card.pass-mark", messages.number(card.passMark()), card.outcome(messages))).append('\n');
        return out.append(card.pointsLine()).toString();
    }

    /** The grade, in the run's language, against the pass mark. */
    static String score(ScoreCard card, Messages messages) {
        return messages.get("report.card.score", messages.number(card.total()), messages.number(card.max()),
                card.outcome(messages), messages.number(card.passMark()));
    }

    /** How the total is made when a bonus counts: the criteria's points, the bonus, the cap. */
    static String scoreDetail(ScoreCard card, Messages messages) {
        return messages.get("report.card.score-bonus", messages.number(card.points()), messages.number(card.bonusPoints()),
                messages.number(card.max()));
    }

    /** What cost points, and why: the lines the student lost through their submission, then those not assessed here. */
    private static void lost(StringBuilder out, ScoreCard card, Messages messages) {
        var lost = card.criteria().stream().flatMap(c -> c.checks().stream())
                .filter(check -> check.lost() > 0 && check.verdict().evidence() != Evidence.NOT_ASSESSED).toList();
        if (lost.isEmpty()) {
            out.append(messages.get("report.card.nothing-lost")).append('\n');
        } else {
            out.append(messages.get("report.card.lost-header", messages.number(ScoreCard.round(
                    lost.stream().mapToDouble(CheckScore::lost).sum())))).append('\n');
            lost.forEach(check -> {
                appendCheck(out, check, messages, false, true, null);
                out.append("        ").append(messages.get("report.card.guide", Guide.section(check.check(), messages))).append('\n');
            });
        }
        var notAssessed = card.criteria().stream().flatMap(c -> c.checks().stream())
                .filter(check -> check.verdict().evidence() == Evidence.NOT_ASSESSED).toList();
        if (!notAssessed.isEmpty()) {
            // said once per cause, the lines by their ids: every line is shown in full below
            out.append(messages.get("report.card.not-assessed", messages.number(card.notAssessedPoints()))).append('\n');
            Map<String, List<String>> byCause = new LinkedHashMap<>();
            notAssessed.forEach(check -> byCause.computeIfAbsent(oneLine(check.verdict().in(messages).reason()),
                    cause -> new ArrayList<>()).add(check.check()));
            byCause.forEach((cause, ids) -> out.append("  ").append(cause).append('\n')
                    .append("        ").append(String.join(", ", ids)).append('\n'));
        }
    }

    /** A reason on one line of the card; the full text is in score.md and results.json. */
    private static String oneLine(String text) {
        String line = text.replaceAll("\\s*\n\\s*", " | ");
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON) + "...";
    }

    /** A line of the rubric; a bonus not attempted is not a loss: it is said so, without a minus. */
    private static void appendCheck(StringBuilder out, CheckScore check, Messages messages, boolean bonus, boolean points,
                                    String saidAbove) {
        var text = check.verdict().in(messages);
        // a line the machine's failure left unassessed: its cause is the card's first line, not said again on each
        boolean causeSaidAbove = saidAbove != null && check.verdict().evidence() == Evidence.NOT_ASSESSED
                && text.reason().contains(saidAbove);
        boolean notAttempted = bonus && check.points() == 0;
        String mark = check.verdict().evidence() == Evidence.NOT_ASSESSED ? messages.get("report.mark.not-assessed")
                : notAttempted ? messages.get("report.mark.not-attempted")
                : check.lost() <= 0 ? messages.get("report.mark.ok") : "-" + messages.number(ScoreCard.round(check.lost()));
        out.append(points ? String.format("  %-5s %-55s %5s/%s%n", mark, messages.title(check.check(), check.title()),
                messages.number(check.points()), messages.number(check.max()))
                : String.format("  %-5s %s%n", check.verdict().full() || causeSaidAbove ? mark : "x",
                        messages.title(check.check(), check.title())));
        if (causeSaidAbove) {
            return;
        }
        if (notAttempted) {
            if (!text.hint().isEmpty()) {
                out.append("        ").append(messages.get("report.card.bonus-idea", text.hint())).append('\n');
            }
        } else if (!check.verdict().full()) {
            out.append("        ").append(oneLine(text.reason())).append('\n');
            if (!text.hint().isEmpty()) {
                out.append("        ").append(messages.get("report.card.hint", text.hint())).append('\n');
            }
        } else if (!text.measured().isEmpty()) {
            out.append("        ").append(oneLine(messages.get("report.card.measured", text.measured()))).append('\n');
        }
    }
}
