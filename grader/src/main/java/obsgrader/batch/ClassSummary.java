package obsgrader.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import obsgrader.report.ScoreCard;
import obsgrader.rubric.Rubric;

/**
 * {@code index.html}: the class at a glance for the instructor — the score distribution as a chart, the
 * checks most often lost, and a link to each student's report. Self-contained: no script, no network.
 */
public final class ClassSummary {
    private static final int BIN = 10;

    private ClassSummary() {
    }

    public static void write(List<Row> rows, Rubric rubric, Path file) {
        StringBuilder html = new StringBuilder("""
                <!doctype html><html lang="en"><head><meta charset="utf-8"><title>obsgrader: class summary</title>
                <style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse}
                td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}.fail{color:#b00}.na{color:#777}</style>
                </head><body>
                """);
        List<Row> graded = rows.stream().filter(Row::gradable).toList();
        long passed = graded.stream().filter(Row::passed).count();
        html.append("<h1>Class summary</h1><p>").append(rows.size()).append(" submissions, ").append(graded.size())
                .append(" graded, ").append(passed).append(" passed (pass mark ")
                .append(ScoreCard.format(rubric.passMark())).append('/').append(ScoreCard.format(rubric.total()))
                .append("), mean ").append(String.format("%.1f", graded.stream().mapToDouble(Row::total).average().orElse(0)))
                .append(".</p>\n<h2>Score distribution</h2>\n").append(histogram(graded, rubric.total()));
        html.append("<h2>Checks most often lost</h2>\n<table><tr><th>check</th><th>students</th></tr>\n");
        rows.stream().flatMap(r -> r.lostChecks().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(15)
                .forEach(e -> html.append("<tr><td>").append(escape(e.getKey())).append("</td><td>").append(e.getValue())
                        .append("</td></tr>\n"));
        html.append("</table>\n<h2>Students</h2>\n<table><tr><th>student</th><th>points</th><th>result</th><th>report</th></tr>\n");
        rows.stream().sorted(Comparator.comparing(Row::student)).forEach(row -> html.append("<tr><td>")
                .append(escape(row.student())).append("</td><td>").append(row.gradable() ? ScoreCard.format(row.total()) : "")
                .append("</td><td class=\"").append(!row.gradable() ? "na\">not gradable: " + escape(row.reason())
                        : row.passed() ? "\">passed" : "fail\">failed")
                .append("</td><td><a href=\"").append(escape(row.student())).append("/score.md\">score.md</a> · <a href=\"")
                .append(escape(row.student())).append("/card.txt\">card</a></td></tr>\n"));
        html.append("</table></body></html>\n");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An SVG bar chart of the totals in bins of ten points. */
    static String histogram(List<Row> graded, double max) {
        Map<Integer, Long> bins = new TreeMap<>();
        for (int bin = 0; bin < max; bin += BIN) {
            bins.put(bin, 0L);
        }
        graded.forEach(row -> bins.merge((int) Math.min(max - BIN, Math.floor(row.total() / BIN) * BIN), 1L, Long::sum));
        long highest = Math.max(1, bins.values().stream().mapToLong(Long::longValue).max().orElse(1));
        int width = 40;
        int height = 160;
        StringBuilder svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + (bins.size() * width + 20)
                + "\" height=\"" + (height + 40) + "\" role=\"img\" aria-label=\"score distribution\">\n");
        int x = 10;
        for (Map.Entry<Integer, Long> bin : bins.entrySet()) {
            int bar = (int) (height * bin.getValue() / highest);
            svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#4a7\"/>", x, height - bar + 10,
                    width - 6, bar));
            svg.append(String.format("<text x=\"%d\" y=\"%d\" font-size=\"11\">%d</text>", x + 10, height - bar + 6,
                    bin.getValue()));
            svg.append(String.format("<text x=\"%d\" y=\"%d\" font-size=\"10\">%d-%d</text>%n", x, height + 25, bin.getKey(),
                    bin.getKey() + BIN));
            x += width;
        }
        return svg.append("</svg>\n").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
