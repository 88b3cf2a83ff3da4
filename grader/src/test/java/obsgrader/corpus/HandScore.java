package obsgrader.corpus;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import obsgrader.rubric.Rubric;
import obsgrader.submission.Yaml;

/**
 * A variant submission's hand score ({@code hand.yml}, see the variants' README): what a careful teacher gives
 * it, rubric line by rubric line, with a reason, written before the grader was run on it. Read strictly.
 */
record HandScore(@JsonProperty(required = true) String description, List<String> differs, boolean live,
                 @JsonProperty(required = true) Map<String, Line> hand) {
    private static final ObjectMapper STRICT = Yaml.YAML.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    record Line(@JsonProperty(required = true) double points, @JsonProperty(required = true) String why) {
    }

    static HandScore load(Path variant) {
        try {
            return STRICT.readValue(variant.resolve("hand.yml").toFile(), HandScore.class);
        } catch (IOException e) {
            throw new UncheckedIOException(variant.resolve("hand.yml") + ": " + e.getMessage(), e);
        }
    }

    /** What is wrong with this hand score against a rubric: a line missing, unknown, or over its points. */
    List<String> problems(Rubric rubric) {
        List<String> problems = new ArrayList<>();
        List<Rubric.Item> items = new ArrayList<>();
        rubric.criteria().forEach(c -> items.addAll(c.checks()));
        items.addAll(rubric.bonus().checks());
        for (Rubric.Item item : items) {
            Line line = hand.get(item.check());
            if (line == null) {
                problems.add(item.check() + " has no hand score");
            } else if (line.points() < 0 || line.points() > item.points() + 1e-9) {
                problems.add(item.check() + ": " + line.points() + " is outside [0, " + item.points() + "]");
            }
        }
        hand.keySet().stream().filter(id -> items.stream().noneMatch(i -> i.check().equals(id)))
                .forEach(id -> problems.add(id + " is no rubric line"));
        return problems;
    }

    double points(String check) {
        return hand.get(check).points();
    }
}
