package obsgrader.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import obsgrader.checks.Evidence;
import obsgrader.checks.Verdict;
import obsgrader.i18n.Messages;
import obsgrader.report.ScoreCard.CheckScore;
import obsgrader.submission.Yaml;

/**
 * {@code results.json} in Gradescope's autograder schema (https://gradescope-autograders.readthedocs.io/en/latest/specs/):
 * {@code score}, {@code execution_time}, {@code output} (the card as Markdown, {@code output_format: md}),
 * {@code visibility}, and {@code tests[]} with {@code name}, {@code score}, {@code max_score}, {@code status},
 * {@code output} (Markdown) and {@code tags}. A line not assessed here, or a bonus line, weighs nothing in
 * Gradescope ({@code max_score} 0) and is never "failed": only the student's lost points show red. Criteria,
 * evidence levels, the rubric's own maxima and the rubric version go under {@code extra_data}.
 * {@code score} and {@code extra_data.total} are the one total ({@link ScoreCard#total()}). A run that is not
 * gradable is no grade: it has no {@code score} anywhere, top-level or in a test, nor a test's {@code status}
 * (Gradescope then treats the run as the autograder's failure, not as 0), and says {@code "gradable": false} at the
 * top level and in {@code extra_data} (PrairieLearn reads its own file, {@link PrairieLearnResults}).
 */
public final class ResultsJson {
    private static final String BONUS = "bonus";
    private ResultsJson() {
    }

    /** Gradescope's values of {@code visibility}: when the student sees the results. */
    public static final java.util.List<String> VISIBILITIES = java.util.List.of("visible", "hidden", "after_due_date", "after_published");

    public static ObjectNode render(ScoreCard card, Messages messages) {
        return render(card, messages, "visible");
    }

    public static ObjectNode render(ScoreCard card, Messages messages, String visibility) {
        if (!VISIBILITIES.contains(visibility)) {
            throw new IllegalArgumentException("visibility '" + visibility + "' is not one of Gradescope's " + VISIBILITIES);
        }
        ObjectNode root = Yaml.JSON.createObjectNode();
        if (card.gradable()) {
            root.put("score", card.total());
        }
        // not Gradescope's: obsgrader's own "no grade" (H5's semantics), which Gradescope ignores as it does extra_data
        root.put("gradable", card.gradable());
        root.put("execution_time", card.duration().toSeconds());
        root.put("output", ScoreMarkdown.render(card, messages, false));
        root.put("output_format", "md");
        root.put("visibility", visibility);
        ArrayNode tests = root.putArray("tests");
        card.criteria().forEach(criterion -> criterion.checks().forEach(check -> tests.add(test(card, check, messages))));
        card.bonus().forEach(check -> tests.add(test(card, check, messages)));
        ObjectNode extra = root.putObject("extra_data");
        extra.put("submission", card.submission());
        extra.put("language", messages.language());
        extra.put("rubric_version", card.rubricVersion());
        extra.put("mode", card.mode().label());
        extra.put("gradable", card.gradable());
        if (!card.gradable()) {
            extra.put("not_gradable_reason", card.notGradable());
        }
        if (card.gradable()) {
            extra.put("total", card.total());
            extra.put("criteria_points", card.points());
            extra.put("bonus", card.bonusPoints());
        }
        extra.put("max_points", card.max());
        extra.put("pass_mark", card.passMark());
        extra.put("passed", card.passed());
        extra.put("not_assessed_points", card.notAssessedPoints());
        extra.put("started", card.started().toString());
        extra.put("duration_seconds", card.duration().toSeconds());
        // the keys stay the notes' ids (a batch reads "offline" and "stack"), the values are in the run's language
        ObjectNode environment = extra.putObject("environment");
        card.environment().forEach((what, note) -> environment.put(what, messages.text(note)));
        ArrayNode criteria = extra.putArray("criteria");
        card.criteria().forEach(c -> criteria.addObject().put("id", c.id()).put("title", messages.criterion(c.id(), c.title()))
                .put("points", c.points()).put("max_points", c.max()));
        return root;
    }

    private static ObjectNode test(ScoreCard card, CheckScore check, Messages messages) {
        ObjectNode test = Yaml.JSON.createObjectNode();
        Verdict.Rendered text = check.verdict().in(messages);
        boolean notAssessed = check.verdict().evidence() == Evidence.NOT_ASSESSED;
        boolean bonus = BONUS.equals(check.criterion());
        String title = messages.title(check.check(), check.title());
        test.put("name", notAssessed ? messages.get("report.json.name-not-assessed", title) : title);
        // Gradescope's extra credit is a test worth 0; a line not assessed here is nobody's loss
        test.put("max_score", notAssessed || bonus ? 0 : check.max());
        if (card.gradable()) {
            test.put("score", check.points());
            test.put("status", notAssessed || bonus || check.verdict().full() ? "passed" : "failed");
        }
        test.put("output", output(check, text, messages));
        test.put("output_format", "md");
        ArrayNode tags = test.putArray("tags").add(check.criterion());
        if (notAssessed) {
            tags.add("not-assessed");
        }
        ObjectNode extra = test.putObject("extra_data");
        extra.put("check", check.check());
        extra.put("criterion", check.criterion());
        extra.put("evidence", check.verdict().evidence().label());
        extra.put("max_points", check.max());
        extra.put("guide", Guide.section(check.check(), messages));
        if (!check.verdict().full()) {
            extra.put("reason", text.reason());
        }
        if (!text.measured().isEmpty()) {
            extra.put("measured", text.measured());
        }
        return test;
    }

    /** What the student reads under the check: the reason and hint of lost points, or what a pass measured. */
    private static String output(CheckScore check, Verdict.Rendered text, Messages messages) {
        String guide = "\n" + messages.get("report.card.guide", Guide.section(check.check(), messages));
        if (check.verdict().full()) {
            return (text.measured().isEmpty() ? messages.get("report.json.ok") : messages.get("report.json.measured", text.measured()))
                    + guide;
        }
        return text.reason() + (text.hint().isEmpty() ? "" : "\n" + messages.get("report.json.hint", text.hint())) + guide;
    }
}
