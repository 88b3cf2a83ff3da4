package obsgrader.batch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import obsgrader.i18n.Messages;
import obsgrader.report.charts.DistributionChart;
import obsgrader.rubric.Rubric;
import obsgrader.similarity.Similarity;
import obsgrader.similarity.SimilarityPage;

/**
 * {@code index.html}: the class at a glance for the instructor, in the rubric's language — the score distribution
 * as a chart ({@code distribution.png} beside it), the checks most often lost, and a link to each student's
 * report with thumbnails of their charts, the teacher's overrides, and the pairs of students whose work is alike.
 * No script, no network.
 */
public final class ClassSummary {
    /** The score distribution's chart, beside index.html. */
    public static final String DISTRIBUTION = "distribution.png";

    private ClassSummary() {
    }

    public static void write(List<Row> rows, Rubric rubric, Path file) {
        write(rows, rubric, file, List.of());
    }

    /** With the pairs of students whose work is alike, linked to {@link SimilarityPage}'s side-by-side view. */
    public static void write(List<Row> rows, Rubric rubric, Path file, List<Similarity.Pair> similar) {
        Messages messages = rubric.messages();
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"" + messages.language() + "\"><head><meta charset=\"utf-8\">"
                + "<title>" + escape(messages.get("report.class.title")) + "</title>\n" + """
                <style>body{font-family:sans-serif;margin:2em;max-width:60em}table{border-collapse:collapse}
                td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}.fail{color:#b00}.na{color:#777}
                img{max-width:100%}img.chart{width:18em}</style>
                </head><body>
                """);
        List<Row> graded = rows.stream().filter(Row::gradable).toList();
        long passed = graded.stream().filter(Row::passed).count();
        DistributionChart distribution = new DistributionChart(graded.stream().map(Row::total).toList(), rubric.total(),
                rubric.passMark());
        html.append("<h1>").append(escape(messages.get("report.class.heading"))).append("</h1><p>")
                .append(escape(messages.get("report.class.overview", rows.size(), graded.size(), passed,
                        messages.number(rubric.passMark()), messages.number(rubric.total()),
                        messages.number(graded.stream().mapToDouble(Row::total).average().orElse(0)))))
                .append("</p>\n<h2>").append(escape(messages.get("report.class.distribution"))).append("</h2>\n<img src=\"")
                .append(DISTRIBUTION).append("\" alt=\"").append(escape(messages.get("report.class.distribution"))).append("\">\n");
        html.append("<h2>").append(escape(messages.get("report.class.most-lost"))).append("</h2>\n<table><tr><th>")
                .append(escape(messages.get("report.class.check"))).append("</th><th>")
                .append(escape(messages.get("report.class.students"))).append("</th></tr>\n");
        rows.stream().flatMap(r -> r.lostChecks().stream())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(15)
                .forEach(e -> html.append("<tr><td>").append(escape(messages.title(e.getKey(), e.getKey())))
                        .append(" <code>").append(escape(e.getKey())).append("</code></td><td>").append(e.getValue())
                        .append("</td></tr>\n"));
        html.append("</table>\n<h2>").append(escape(messages.get("report.class.student-list"))).append("</h2>\n<table><tr>");
        List.of("student", "points", "result", "report").forEach(column ->
                html.append("<th>").append(escape(messages.get("report.class." + column))).append("</th>"));
        html.append("</tr>\n");
        rows.stream().sorted(Comparator.comparing(Row::student)).forEach(row -> html.append("<tr><td>")
                .append(escape(row.student())).append("</td><td>").append(row.gradable() ? messages.number(row.total()) : "")
                .append("</td><td class=\"").append(!row.gradable() ? "na\">" + escape(messages.get("report.class.not-gradable", row.reason()))
                        : row.passed() ? "\">" + escape(messages.get("report.class.passed")) : "fail\">" + escape(messages.get("report.class.failed")))
                .append("</td><td><a href=\"").append(escape(row.student())).append("/score.md\">score.md</a> · <a href=\"")
                .append(escape(row.student())).append("/card.txt\">card</a>").append(charts(file.resolveSibling(row.student())))
                .append("</td></tr>\n"));
        html.append("</table>\n");
        overrides(html, rows, messages);
        similar(html, similar, messages);
        html.append("</body></html>\n");
        try {
            Files.createDirectories(file.getParent());
            distribution.writePng(messages, file.resolveSibling(DISTRIBUTION));
            Files.writeString(file, html);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The teacher's overrides: each line's points beside the grader's, the reason, and whether it still matches. */
    private static void overrides(StringBuilder html, List<Row> rows, Messages messages) {
        if (rows.stream().allMatch(row -> row.overrides().isEmpty())) {
            return;
        }
        html.append("<h2>").append(escape(messages.get("report.class.overrides"))).append("</h2>\n<table><tr>");
        for (String column : messages.get("report.class.override-columns").split("\\|")) {
            html.append("<th>").append(escape(column)).append("</th>");
        }
        html.append("</tr>\n");
        rows.forEach(row -> row.overrides().forEach(o -> html.append("<tr><td>").append(escape(row.student()))
                .append("</td><td>").append(escape(messages.title(o.check(), o.check()))).append(" <code>").append(escape(o.check()))
                .append("</code></td><td>").append(messages.number(o.points())).append("</td><td>")
                .append(o.graderNotAssessed() ? escape(messages.get("report.override.not-assessed")) : messages.number(o.graderPoints()))
                .append("</td><td>").append(escape(o.reason())).append("</td><td>").append(escape(o.who() + ", " + o.when()))
                .append("</td><td").append(o.stale() ? " class=\"fail\">" + escape(messages.get("report.class.no"))
                        : ">" + escape(messages.get("report.class.yes"))).append("</td></tr>\n")));
        html.append("</table>\n");
    }

    private static void similar(StringBuilder html, List<Similarity.Pair> pairs, Messages messages) {
        if (pairs.isEmpty()) {
            return;
        }
        html.append("<h2>").append(escape(messages.get("report.similarity.heading"))).append("</h2>\n<table><tr>");
        for (String column : messages.get("report.similarity.columns").split("\\|")) {
            html.append("<th>").append(escape(column)).append("</th>");
        }
        html.append("</tr>\n");
        pairs.forEach(pair -> html.append("<tr><td>").append(escape(pair.left() + " · " + pair.right())).append("</td><td>")
                .append(SimilarityPage.percent(pair.score())).append(" %</td><td>").append(escape(SimilarityPage.parts(pair, messages)))
                .append("</td><td><a href=\"").append(SimilarityPage.FILE).append('#').append(SimilarityPage.anchor(pair))
                .append("\">").append(SimilarityPage.FILE).append("</a></td></tr>\n"));
        html.append("</table>\n");
    }

    /** A student's charts (their drills and load), as thumbnails linking to the full picture. */
    private static String charts(Path student) {
        Path charts = student.resolve("charts");
        if (!Files.isDirectory(charts)) {
            return "";
        }
        try (Stream<Path> files = Files.list(charts)) {
            return files.filter(f -> f.toString().endsWith(".png")).sorted().map(f -> {
                String link = escape(student.getFileName() + "/charts/" + f.getFileName());
                return "<br><a href=\"" + link + "\"><img class=\"chart\" src=\"" + link + "\" alt=\"" + escape(f.getFileName().toString())
                        + "\"></a>";
            }).collect(Collectors.joining());
        } catch (IOException e) {
            return "";
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
