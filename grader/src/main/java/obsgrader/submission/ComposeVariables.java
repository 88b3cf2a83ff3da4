package obsgrader.submission;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compose's variable substitution, as compose does it when it reads the file: {@code ${VAR}}, {@code $VAR},
 * {@code ${VAR:-default}}, {@code ${VAR-default}}, {@code ${VAR:?error}}, {@code $$} for a literal dollar, with
 * the values of the project's {@code .env}. The grader's own environment is not used: a grade must not depend
 * on the machine's shell.
 */
public final class ComposeVariables {
    private static final Pattern VARIABLE = Pattern.compile(
            "\\$(?:(\\$)|\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\\{[^{}]*})*))?}|([A-Za-z_][A-Za-z0-9_]*))");
    private static final Pattern DOT_ENV_LINE = Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_]*)\\s*=\\s*(.*?)\\s*$");

    private final Map<String, String> values;

    public ComposeVariables(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The variables of a project's {@code .env} (none when it has no such file). */
    public static ComposeVariables fromDotEnv(Path projectDir) {
        Map<String, String> values = new LinkedHashMap<>();
        Path dotEnv = projectDir.resolve(".env");
        if (Files.isRegularFile(dotEnv)) {
            try {
                for (String line : Files.readAllLines(dotEnv)) {
                    Matcher entry = DOT_ENV_LINE.matcher(line);
                    if (!line.trim().startsWith("#") && entry.matches()) {
                        values.put(entry.group(1), unquote(entry.group(2)));
                    }
                }
            } catch (IOException e) {
                // an unreadable .env leaves every variable unset, as compose would report it
            }
        }
        return new ComposeVariables(values);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        int comment = value.indexOf(" #");
        return comment >= 0 ? value.substring(0, comment).trim() : value;
    }

    /** A copy of a compose tree with every string value substituted. */
    public JsonNode apply(JsonNode tree) {
        if (tree.isTextual()) {
            return TextNode.valueOf(substitute(tree.asText()));
        }
        if (tree.isObject()) {
            ObjectNode copy = ((ObjectNode) tree).objectNode();
            tree.fields().forEachRemaining(e -> copy.set(e.getKey(), apply(e.getValue())));
            return copy;
        }
        if (tree.isArray()) {
            ArrayNode copy = ((ArrayNode) tree).arrayNode();
            tree.forEach(item -> copy.add(apply(item)));
            return copy;
        }
        return tree;
    }

    public String substitute(String text) {
        Matcher variable = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (variable.find()) {
            variable.appendReplacement(out, Matcher.quoteReplacement(valueOf(variable)));
        }
        variable.appendTail(out);
        return out.toString();
    }

    private String valueOf(Matcher variable) {
        if (variable.group(1) != null) {
            return "$";
        }
        String name = variable.group(2) != null ? variable.group(2) : variable.group(5);
        String value = values.get(name);
        String operator = variable.group(3);
        if (operator == null) {
            return value == null ? "" : value;
        }
        boolean unsetOrEmpty = value == null || operator.startsWith(":") && value.isEmpty();
        String argument = substitute(variable.group(4));
        return switch (operator.replace(":", "")) {
            case "-" -> unsetOrEmpty ? argument : value;
            case "+" -> unsetOrEmpty ? "" : argument;
            default -> unsetOrEmpty ? "" : value; // ${VAR:?message}: compose refuses the file; the boot reports it
        };
    }
}
