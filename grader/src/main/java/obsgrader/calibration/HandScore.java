package obsgrader.calibration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calibration stack's hand score ({@code hand-scores/OWNER+NAME.md}): per criterion section, the teacher's
 * items in their order, each {@code awarded/max} for one line of the rubric's earlier split. Three spellings
 * occur in the set, all read here: {@code - line — 3/4: why}, {@code - line: 3/4. why} and
 * {@code - line (4): 3. why}. Indented sub-items are reasons, not items; prose at the margin ends a section.
 */
public record HandScore(String stack, Map<String, List<Item>> criteria) {
    /** One hand item: its words (to show beside the grader's line), the points given and the line's maximum then. */
    public record Item(String line, double awarded, double max) {
        public double fraction() {
            return max == 0 ? 0 : awarded / max;
        }
    }

    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    private static final Pattern DASHED = Pattern.compile("^- (.+?) — " + NUMBER + "/" + NUMBER + "\\b");
    private static final Pattern MAX_FIRST = Pattern.compile("^- (.+?) \\(" + NUMBER + "\\): " + NUMBER + "\\b");
    private static final Pattern COLON = Pattern.compile("^- (.+?): " + NUMBER + "/" + NUMBER + "\\b");
    private static final Pattern SECTION = Pattern.compile("^##\\s+(.*)$");
    /** Heading words to criterion ids; tried in this order ("SLOs" before anything, "Bonus (apart)" first). */
    private static final Map<String, String> HEADINGS = headings();

    private static Map<String, String> headings() {
        Map<String, String> words = new LinkedHashMap<>();
        words.put("bonus", "bonus");
        words.put("slo", "slo");
        words.put("dashboard", "dashboard");
        words.put("deploy", "deployed");
        words.put("metric", "metrics");
        words.put("alert", "alerts");
        words.put("doc", "docs");
        return words;
    }

    public static HandScore parse(String stack, String markdown) {
        Map<String, List<Item>> criteria = new LinkedHashMap<>();
        List<Item> current = null;
        for (String line : markdown.split("\\R")) {
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                current = criterion(section.group(1)).map(id -> criteria.computeIfAbsent(id, k -> new ArrayList<>())).orElse(null);
            } else if (!line.isBlank() && !line.startsWith("-") && !Character.isWhitespace(line.charAt(0))) {
                current = null; // prose at the margin ("A grader must cope with:") ends the section
            } else if (current != null) {
                item(line).ifPresent(current::add);
            }
        }
        return new HandScore(stack, criteria);
    }

    private static Optional<String> criterion(String heading) {
        String lower = heading.toLowerCase(Locale.ROOT);
        return HEADINGS.entrySet().stream().filter(e -> lower.contains(e.getKey())).map(Map.Entry::getValue).findFirst();
    }

    private static Optional<Item> item(String line) {
        Matcher m = DASHED.matcher(line);
        if (m.find()) {
            return Optional.of(new Item(m.group(1), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))));
        }
        m = MAX_FIRST.matcher(line);
        if (m.find()) {
            return Optional.of(new Item(m.group(1), Double.parseDouble(m.group(3)), Double.parseDouble(m.group(2))));
        }
        m = COLON.matcher(line);
        if (m.find()) {
            return Optional.of(new Item(m.group(1), Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3))));
        }
        return Optional.empty();
    }

    /** The hand item at this place of this criterion, when the file has it. */
    public Optional<Item> item(String criterion, int index) {
        List<Item> items = criteria.getOrDefault(criterion, List.of());
        return index < items.size() ? Optional.of(items.get(index)) : Optional.empty();
    }
}
