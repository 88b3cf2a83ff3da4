package obsgrader.checks.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import obsgrader.checks.dashboard.Wording;

/**
 * Markdown prose cut into the pieces a reader takes as one statement: a chapter (a heading and all under it,
 * sub-headings included), a paragraph, a list item, a table row (read with its header row, which names the
 * columns). Lets a check ask whether a statement about a topic says something, not whether the whole file does.
 */
public final class Markdown {
    private static final Pattern HEADING = Pattern.compile("^ {0,3}(#{1,6})\\s+(.*?)[\\s#]*$");
    private static final Pattern FENCE = Pattern.compile("^\\s*(```|~~~)");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*([-*+]|\\d+[.)])\\s+");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^\\s*\\|?[\\s:|-]+\\|[\\s:|-]*$");

    /** A heading and everything under it, down to the next heading of the same or a higher level. */
    public record Chapter(String heading, int level, String text) {
    }

    private Markdown() {
    }

    public static List<Chapter> chapters(String text) {
        List<String> lines = text.lines().toList();
        int[] levels = headingLevels(lines);
        List<Chapter> chapters = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (levels[i] == 0) {
                continue;
            }
            int end = i + 1;
            while (end < lines.size() && (levels[end] == 0 || levels[end] > levels[i])) {
                end++;
            }
            Matcher heading = HEADING.matcher(lines.get(i));
            heading.matches();
            chapters.add(new Chapter(heading.group(2), levels[i], String.join("\n", lines.subList(i, end))));
        }
        return chapters;
    }

    /** The first chapter whose heading, {@link Wording#normalise normalised}, matches. */
    public static Optional<Chapter> chapter(String text, Pattern heading) {
        return chapters(text).stream().filter(c -> heading.matcher(Wording.normalise(c.heading())).find()).findFirst();
    }

    /** The passages about a topic: the chapters whose heading names it, and the paragraphs, items and rows naming it. */
    public static List<String> about(String text, Pattern topic) {
        List<String> passages = new ArrayList<>();
        chapters(text).stream().filter(c -> topic.matcher(c.heading()).find()).forEach(c -> passages.add(c.text()));
        statements(text).stream().filter(s -> topic.matcher(s).find()).forEach(passages::add);
        return passages;
    }

    /** Paragraphs split into their list items; a table into its rows, each with the header row before it. */
    public static List<String> statements(String text) {
        List<String> statements = new ArrayList<>();
        for (String block : text.split("\\n\\s*\\n")) {
            List<String> lines = block.lines().filter(l -> !HEADING.matcher(l).matches()).toList();
            if (!lines.isEmpty() && lines.stream().allMatch(l -> l.trim().startsWith("|"))) {
                lines.stream().skip(1).filter(l -> !TABLE_SEPARATOR.matcher(l).matches())
                        .forEach(row -> statements.add(lines.get(0) + "\n" + row));
                continue;
            }
            StringBuilder item = new StringBuilder();
            for (String line : lines) {
                if (LIST_ITEM.matcher(line).find() && !item.isEmpty()) {
                    statements.add(item.toString());
                    item.setLength(0);
                }
                item.append(line).append('\n');
            }
            if (!item.isEmpty()) {
                statements.add(item.toString());
            }
        }
        return statements;
    }

    /** Each line's heading level, 0 for text; a {@code #} comment inside a fenced code block is no heading. */
    private static int[] headingLevels(List<String> lines) {
        int[] levels = new int[lines.size()];
        boolean inCode = false;
        for (int i = 0; i < lines.size(); i++) {
            if (FENCE.matcher(lines.get(i)).find()) {
                inCode = !inCode;
            }
            Matcher heading = HEADING.matcher(lines.get(i));
            levels[i] = !inCode && heading.matches() ? heading.group(1).length() : 0;
        }
        return levels;
    }
}
