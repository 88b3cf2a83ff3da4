package obsgrader.checks.alerts;

import java.util.List;
import java.util.Optional;

/**
 * An alert expression's last top-level comparison with a number ({@code <measure> > 5}): what it measures and
 * where it fires. Lets a live check tell an expression that reads no data from one whose data stays on the
 * quiet side of its threshold.
 */
record Threshold(String measure, String operator, double value) {
    private static final List<String> OPERATORS = List.of(">=", "<=", "==", "!=", ">", "<");

    /** The expression's threshold, if it ends with a comparison to a number outside any bracket or string. */
    static Optional<Threshold> of(String expr) {
        int depth = 0;
        char quote = 0;
        int at = -1;
        String operator = null;
        for (int i = 0; i < expr.length(); i++) {
            char c = expr.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                quote = c;
            } else if ("({[".indexOf(c) >= 0) {
                depth++;
            } else if (")}]".indexOf(c) >= 0) {
                depth--;
            } else if (depth == 0) {
                String found = operatorAt(expr, i);
                if (found != null) {
                    at = i;
                    operator = found;
                    i += found.length() - 1;
                }
            }
        }
        if (operator == null) {
            return Optional.empty();
        }
        try {
            double value = Double.parseDouble(expr.substring(at + operator.length()).strip());
            return Optional.of(new Threshold(expr.substring(0, at).strip(), operator, value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String operatorAt(String expr, int index) {
        for (String operator : OPERATORS) {
            if (expr.startsWith(operator, index)) {
                return operator;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return operator + " " + (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value));
    }
}
