package obsgrader.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import obsgrader.report.ScoreCard.CheckScore;
import obsgrader.submission.Yaml;

/**
 * {@code results.json} in Gradescope's autograder schema ({@code score}, {@code tests[]} with {@code name},
 * {@code score}, {@code max_score}, {@code output}); criteria, evidence levels and the rubric version go
 * under {@code extra_data}.
 */
public final class ResultsJson {
    private ResultsJson() {
    }

    public static ObjectNode render(ScoreCard card) {
        ObjectNode root = Yaml.JSON.createObjectNode();
        root.put("score", card.points() + card.bonusPoints());
        root.put("output", ConsoleCard.render(card));
        ArrayNode tests = root.putArray("tests");
        card.criteria().forEach(criterion -> criterion.checks().forEach(check -> tests.add(test(check))));
        card.bonus().forEach(check -> tests.add(test(check)));
        ObjectNode extra = root.putObject("extra_data");
        extra.put("submission", card.submission());
        extra.put("rubric_version", card.rubricVersion());
        extra.put("mode", card.mode().label());
        extra.put("gradable", card.gradable());
        if (!card.gradable()) {
            extra.put("not_gradable_reason", card.notGradable());
        }
        extra.put("points", card.points());
        extra.put("max_points", card.max());
        extra.put("bonus", card.bonusPoints());
        extra.put("pass_mark", card.passMark());
        extra.put("passed", card.passed());
        extra.put("not_assessed_points", card.notAssessedPoints());
        extra.put("started", card.started().toString());
        extra.put("duration_seconds", card.duration().toSeconds());
        card.environment().forEach(extra.putObject("environment")::put);
        ArrayNode criteria = extra.putArray("criteria");
        card.criteria().forEach(c -> criteria.addObject().put("id", c.id()).put("title", c.title())
                .put("points", c.points()).put("max_points", c.max()));
        return root;
    }

    private static ObjectNode test(CheckScore check) {
        ObjectNode test = Yaml.JSON.createObjectNode();
        test.put("name", check.title());
        test.put("score", check.points());
        test.put("max_score", check.max());
        String hint = check.verdict().hint().isEmpty() ? "" : "\nHint: " + check.verdict().hint();
        test.put("output", check.verdict().full() ? "ok" : check.verdict().reason() + hint);
        test.putArray("tags").add(check.criterion());
        ObjectNode extra = test.putObject("extra_data");
        extra.put("check", check.check());
        extra.put("criterion", check.criterion());
        extra.put("evidence", check.verdict().evidence().label());
        return test;
    }
}
