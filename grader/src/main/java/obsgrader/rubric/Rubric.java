package obsgrader.rubric;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import obsgrader.i18n.Messages;

/**
 * The rubric as data (see {@code rubric.yml}): criteria with their points, the checks that share them, the
 * pass mark, a capped bonus and the report's default language ({@code en} when the file says none, overridden by
 * {@code -Dgrader.lang}). Loaded and validated by {@link RubricLoader}.
 */
public record Rubric(String version, @JsonProperty("pass_mark") double passMark, List<Criterion> criteria, Bonus bonus,
                     @JacksonInject(NO_LANGUAGE) @JsonProperty("language") String language) {
    /** What {@code language} reads when the file has none. */
    static final String NO_LANGUAGE = "rubric.language";

    public record Criterion(String id, String title, double points, List<Item> checks) {
    }

    /** One check's share of its criterion's points. */
    public record Item(String check, double points) {
    }

    /** Extra points reported apart, capped. */
    public record Bonus(String title, double cap, List<Item> checks) {
    }

    /** The same rubric, its report written in another language. */
    public Rubric withLanguage(String other) {
        return new Rubric(version, passMark, criteria, bonus, other);
    }

    public Messages messages() {
        return Messages.of(language);
    }

    public double total() {
        return criteria.stream().mapToDouble(Criterion::points).sum();
    }
}
