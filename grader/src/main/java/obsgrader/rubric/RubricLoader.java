package obsgrader.rubric;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import obsgrader.checks.CheckCatalog;
import obsgrader.i18n.Messages;
import obsgrader.submission.Yaml;

/**
 * Reads a rubric file strictly (unknown keys fail), then checks it: every check known, none twice, and each
 * criterion's check points adding up to its maximum. Every error names the file and the line at fault.
 */
public final class RubricLoader {
    private static final ObjectMapper STRICT = Yaml.YAML.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            // language is optional: an older rubric file has none, and reads as English.
            .setInjectableValues(new InjectableValues.Std().addValue(Rubric.NO_LANGUAGE, "en"));

    private RubricLoader() {
    }

    public static Rubric load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidRubric(file + ": cannot be read (" + e.getMessage() + ")");
        }
        Rubric rubric;
        try {
            rubric = STRICT.readValue(text, Rubric.class);
        } catch (UnrecognizedPropertyException e) {
            throw new InvalidRubric(file + ":" + line(e) + ": unknown key '" + e.getPropertyName() + "' (known: "
                    + e.getKnownPropertyIds() + ")");
        } catch (JsonMappingException e) {
            String message = e.getOriginalMessage().lines().findFirst().orElse("")
                    .replaceFirst("^Missing creator property '([^']+)'.*", "missing key '$1'");
            throw new InvalidRubric(file + ":" + line(e) + ": " + message);
        } catch (JsonProcessingException e) {
            throw new InvalidRubric(file + ":" + line(e) + ": not valid YAML: " + e.getOriginalMessage());
        }
        List<String> errors = validate(rubric, text);
        if (!errors.isEmpty()) {
            throw new InvalidRubric(file + ": " + String.join("\n" + file + ": ", errors));
        }
        return rubric;
    }

    private static int line(JsonProcessingException e) {
        return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
    }

    static List<String> validate(Rubric rubric, String text) {
        List<String> errors = new ArrayList<>();
        if (rubric.criteria() == null || rubric.criteria().isEmpty()) {
            errors.add("no criteria");
            return errors;
        }
        Set<String> seen = new HashSet<>();
        List<Rubric.Item> bonus = rubric.bonus() == null ? List.of() : rubric.bonus().checks();
        Stream.concat(rubric.criteria().stream().flatMap(c -> c.checks().stream()), bonus.stream()).forEach(item -> {
            if (CheckCatalog.find(item.check()).isEmpty()) {
                errors.add(lineOf(text, item.check()) + ": unknown check '" + item.check() + "' (known: "
                        + String.join(", ", CheckCatalog.ids()) + ")");
            }
            if (!seen.add(item.check())) {
                errors.add(lineOf(text, item.check()) + ": check '" + item.check() + "' is listed twice");
            }
        });
        for (Rubric.Criterion criterion : rubric.criteria()) {
            double sum = criterion.checks().stream().mapToDouble(Rubric.Item::points).sum();
            if (Math.abs(sum - criterion.points()) > 1e-9) {
                errors.add(lineOf(text, "id: " + criterion.id()) + ": criterion '" + criterion.id() + "' is worth "
                        + criterion.points() + " points but its checks add up to " + sum);
            }
        }
        if (!Messages.LANGUAGES.contains(rubric.language())) {
            errors.add(lineOf(text, "language") + ": language '" + rubric.language() + "' is not one the grader writes ("
                    + String.join(", ", Messages.LANGUAGES) + ")");
        }
        if (rubric.passMark() < 0 || rubric.passMark() > rubric.total()) {
            errors.add(lineOf(text, "pass_mark") + ": pass_mark " + rubric.passMark() + " is outside 0.." + rubric.total());
        }
        return errors;
    }

    /** "line N" of the first line mentioning a key: where an instructor looks to fix it. */
    private static String lineOf(String text, String needle) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return "line " + (i + 1);
            }
        }
        return "line ?";
    }
}
