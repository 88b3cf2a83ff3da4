package obsgrader.similarity;

import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import obsgrader.i18n.Messages;

/**
 * {@code similarity.html}, beside the class page: each pair of students at or above the threshold, what they
 * share side by side, the words that differ marked (java-diff-utils' row generator: Myers' diff by word, and it
 * escapes the students' text for HTML), so that a teacher sees at a glance a rule renamed or a panel retitled.
 */
public final class SimilarityPage {
    public static final String FILE = "similarity.html";
    private static final DiffRowGenerator SIDE_BY_SIDE = DiffRowGenerator.create().showInlineDiffs(true).inlineDiffByWord(true)
            .oldTag(start -> start ? "<mark>" : "</mark>").newTag(start -> start ? "<mark>" : "</mark>").build();

    private SimilarityPage() {
    }

    /** The anchor of a pair on the page. */
    public static String anchor(Similarity.Pair pair) {
        return (pair.left() + "--" + pair.right()).replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    /** "rules 100 %, README 95 %": each part's score. */
    public static String parts(Similarity.Pair pair, Messages messages) {
        return pair.parts().entrySet().stream().map(e -> messages.get("report.similarity.part",
                messages.get("report.similarity." + e.getKey().name().toLowerCase()), percent(e.getValue())))
                .collect(Collectors.joining(", "));
    }

    public static long percent(double share) {
        return Math.round(share * 100);
    }

    public static void write(List<Similarity.Pair> pairs, double threshold, Messages messages, Path file) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"" + messages.language() + "\"><head><meta charset=\"utf-8\">"
                + "<title>" + escape(messages.get("report.similarity.title")) + "</title>\n" + """
                <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%;table-layout:fixed}
                td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top;font-family:monospace;
                white-space:pre-wrap;word-break:break-word}mark{background:#fd8}</style>
                </head><body>
                """);
        html.append("<h1>").append(escape(messages.get("report.similarity.title"))).append("</h1><p>")
                .append(escape(messages.get("report.similarity.explained", percent(threshold)))).append("</p>\n");
        if (pairs.isEmpty()) {
            html.append("<p>").append(escape(messages.get("report.similarity.none"))).append("</p>\n");
        }
        for (Similarity.Pair pair : pairs) {
            html.append("<h2 id=\"").append(anchor(pair)).append("\">").append(escape(messages.get("report.similarity.pair",
                    pair.left(), pair.right(), percent(pair.score())))).append("</h2>\n<p>").append(escape(parts(pair, messages)))
                    .append("</p>\n");
            for (Similarity.Shared shared : pair.shared()) {
                html.append("<h3>").append(escape(messages.get("report.similarity." + shared.part().name().toLowerCase())))
                        .append("</h3>\n<table><tr><th>").append(escape(pair.left() + where(shared.leftWhere())))
                        .append("</th><th>").append(escape(pair.right() + where(shared.rightWhere()))).append("</th></tr>\n");
                for (DiffRow row : SIDE_BY_SIDE.generateDiffRows(shared.left().lines().toList(), shared.right().lines().toList())) {
                    html.append("<tr><td>").append(row.getOldLine()).append("</td><td>").append(row.getNewLine()).append("</td></tr>\n");
                }
                html.append("</table>\n");
            }
        }
        html.append("</body></html>\n");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String where(String where) {
        return where.isEmpty() ? "" : ": " + where;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** Pairs worth a look, for the class page. */
    public static List<Similarity.Pair> atOrAbove(List<Similarity.Pair> pairs, double threshold) {
        return pairs.stream().filter(p -> p.score() >= threshold && p.score() > 0).toList();
    }
}
