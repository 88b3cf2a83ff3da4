package obsgrader.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import obsgrader.checks.Evidence;
import obsgrader.checks.Verdict;
import obsgrader.i18n.Messages;
import obsgrader.report.ScoreCard.CheckScore;
import obsgrader.submission.Yaml;

/**
 * {@code prairielearn.json}: the results file of PrairieLearn's external grading
 * (https://prairielearn.readthedocs.io/en/latest/externalGrading/, "Grading results"), which the grading script
 * copies to {@code /grade/results/results.json}: {@code gradable}, {@code score} in [0, 1] (the points and the
 * bonus over the rubric's maximum, at most 1), {@code message}, {@code output} (the console card), {@code images}
 * (the run's charts as PNG data URLs) and {@code tests[]} with {@code name}, {@code description}, {@code points},
 * {@code max_points}, {@code message} and their own charts. A run the machine could not complete is not gradable:
 * PrairieLearn then charges the student no attempt.
 */
public final class PrairieLearnResults {
    private PrairieLearnResults() {
    }

    public static ObjectNode render(ScoreCard card, Messages messages) {
        ObjectNode root = Yaml.JSON.createObjectNode();
        root.put("gradable", card.gradable());
        if (!card.gradable()) {
            root.put("message", messages.get("report.card.not-gradable", card.notGradable()));
            return root;
        }
        root.put("score", Math.min(1, Math.max(0, card.total() / card.max())));
        root.put("message", card.pointsLine() + ", " + card.outcome(messages));
        root.put("output", ConsoleCard.render(card, messages));
        images(root.putArray("images"), card.pictures(), messages);
        ArrayNode tests = root.putArray("tests");
        card.checksById().values().forEach(check -> test(tests.addObject(), check, messages));
        return root;
    }

    private static void test(ObjectNode test, CheckScore check, Messages messages) {
        Verdict.Rendered text = check.verdict().in(messages);
        test.put("name", messages.title(check.check(), check.title()));
        test.put("description", messages.get("report.evidence." + check.verdict().evidence().label()));
        test.put("points", check.points());
        // a line not assessed here, or a bonus, costs the student nothing: worth 0 like Gradescope's extra credit
        boolean weightless = check.verdict().evidence() == Evidence.NOT_ASSESSED || "bonus".equals(check.criterion());
        test.put("max_points", weightless ? 0 : check.max());
        test.put("message", check.verdict().full() ? text.measured() : text.reason()
                + (text.hint().isEmpty() ? "" : "\n" + messages.get("report.json.hint", text.hint())));
        if (!check.verdict().pictures().isEmpty()) {
            images(test.putArray("images"), check.verdict().pictures(), messages);
        }
    }

    private static void images(ArrayNode images, java.util.List<Verdict.Picture> pictures, Messages messages) {
        pictures.forEach(picture -> images.addObject().put("label", messages.text(picture.name()))
                .put("url", "data:image/png;base64," + Base64.getEncoder().encodeToString(picture.drawing().png(messages))));
    }
}
