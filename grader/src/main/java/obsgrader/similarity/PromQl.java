package obsgrader.similarity;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PromQL as a comparison sees it: tokens without spacing, label matchers and grouping labels in one order, the
 * aggregation's {@code by}/{@code without} clause before its argument, so that {@code sum(rate(x{b="1",a="2"}[5m]))
 * by (le)} and {@code sum by (le) (rate(x{a="2", b="1"}[5m]))} read the same. No PromQL parser is published for
 * Java (Maven Central has none; Prometheus's is Go), and a tokenizer is enough to compare, not to evaluate.
 */
public final class PromQl {
    private static final Pattern TOKEN = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`"
            + "|\\d+(?:\\.\\d+)?(?:[eE][-+]?\\d+)?(?:ms|[smhdwy])?|[a-zA-Z_:][a-zA-Z0-9_:]*|=~|!~|!=|==|>=|<=|\\S");
    private static final java.util.Set<String> AGGREGATIONS = java.util.Set.of("sum", "min", "max", "avg", "count",
            "stddev", "stdvar", "group", "topk", "bottomk", "quantile", "count_values");

    private PromQl() {
    }

    public static String normalise(String expression) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(expression);
        while (matcher.find()) {
            String token = matcher.group();
            tokens.add(token.startsWith("'") ? "\"" + token.substring(1, token.length() - 1) + "\"" : token);
        }
        return String.join("", sortLists(groupingFirst(tokens)));
    }

    /** {@code sum(...) by (a)} becomes {@code sum by (a) (...)}. */
    private static List<String> groupingFirst(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens);
        for (int i = 0; i < out.size() - 1; i++) {
            if (AGGREGATIONS.contains(out.get(i)) && out.get(i + 1).equals("(")) {
                int close = matching(out, i + 1);
                if (close > 0 && close + 2 < out.size() && (out.get(close + 1).equals("by") || out.get(close + 1).equals("without"))
                        && out.get(close + 2).equals("(")) {
                    int end = matching(out, close + 2);
                    if (end > 0) {
                        List<String> clause = new ArrayList<>(out.subList(close + 1, end + 1));
                        out.subList(close + 1, end + 1).clear();
                        out.addAll(i + 1, clause);
                    }
                }
            }
        }
        return out;
    }

    private static int matching(List<String> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            depth += tokens.get(i).equals("(") ? 1 : tokens.get(i).equals(")") ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Label matchers in braces and labels of a by/without/on/ignoring clause, in one order. */
    private static List<String> sortLists(List<String> tokens) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            boolean labels = token.equals("{") || token.equals("(") && i > 0
                    && List.of("by", "without", "on", "ignoring", "group_left", "group_right").contains(tokens.get(i - 1));
            if (!labels) {
                out.add(token);
                continue;
            }
            String close = token.equals("{") ? "}" : ")";
            int end = i + 1;
            while (end < tokens.size() && !tokens.get(end).equals(close)) {
                end++;
            }
            List<String> items = new ArrayList<>();
            StringBuilder item = new StringBuilder();
            for (String inside : tokens.subList(i + 1, Math.min(end, tokens.size()))) {
                if (inside.equals(",")) {
                    items.add(item.toString());
                    item.setLength(0);
                } else {
                    item.append(inside);
                }
            }
            if (!item.isEmpty()) {
                items.add(item.toString());
            }
            items.sort(null);
            out.add(token + String.join(",", items) + close);
            i = end;
        }
        return out;
    }
}
