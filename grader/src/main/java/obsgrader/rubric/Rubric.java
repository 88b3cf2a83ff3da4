package obsgrader.rubric;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The rubric as data (see {@code rubric.yml}): criteria with their points, the checks that share them, the
 * pass mark and a capped bonus. Loaded and validated by {@link RubricLoader}.
 */
public record Rubric(String version, @JsonProperty("pass_mark") double passMark, List<Criterion> criteria, Bonus bonus) {

    public record Criterion(String id, String title, double points, List<Item> checks) {
    }

    /** One check's share of its criterion's points. */
    public record Item(String check, double points) {
    }

    /** Extra points reported apart, capped. */
    public record Bonus(String title, double cap, List<Item> checks) {
    }

    public double total() {
        return criteria.stream().mapToDouble(Criterion::points).sum();
    }
}
