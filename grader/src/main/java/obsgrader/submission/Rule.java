package obsgrader.submission;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One alerting or recording rule of the submission's rule files, with the file and line it stands at. */
public record Rule(Path file, int line, String group, String alert, String record, String expr, String forDuration,
                   Map<String, String> labels, Map<String, String> annotations) {

    public boolean isAlert() {
        return alert != null;
    }

    public String name() {
        return isAlert() ? alert : record;
    }

    public String where() {
        return file.getFileName() + ":" + line;
    }

    /** Every rule of every rule file prometheus.yml loads (files that do not parse are skipped: see invalidFiles). */
    public static List<Rule> all(Submission submission) {
        List<Rule> rules = new ArrayList<>();
        for (Path file : submission.ruleFiles()) {
            Yaml.ParseResult parsed = submission.parse(file);
            List<String> lines = lines(file);
            for (JsonNode group : parsed.tree().path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    String alert = rule.hasNonNull("alert") ? rule.get("alert").asText() : null;
                    String record = rule.hasNonNull("record") ? rule.get("record").asText() : null;
                    rules.add(new Rule(file, lineOf(lines, alert != null ? "alert: " + alert : "record: " + record),
                            group.path("name").asText(), alert, record, rule.path("expr").asText(""),
                            rule.path("for").asText(""), strings(rule.path("labels")), strings(rule.path("annotations"))));
                }
            }
        }
        return rules;
    }

    public static List<Rule> alerts(Submission submission) {
        return all(submission).stream().filter(Rule::isAlert).toList();
    }

    /** Each recorded series' expression, by the name it is recorded as (the first rule, where two record one name). */
    public static Map<String, String> recorded(Submission submission) {
        return recorded(all(submission));
    }

    /** Each recorded series' expression among these rules, by the name it is recorded as. */
    public static Map<String, String> recorded(List<Rule> rules) {
        Map<String, String> recorded = new LinkedHashMap<>();
        rules.stream().filter(rule -> !rule.isAlert()).forEach(rule -> recorded.putIfAbsent(rule.record(), rule.expr()));
        return recorded;
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static int lineOf(List<String> lines, String needle) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).replace("\"", "").replace("'", "").contains(needle)) {
                return i + 1;
            }
        }
        return 0;
    }
}
