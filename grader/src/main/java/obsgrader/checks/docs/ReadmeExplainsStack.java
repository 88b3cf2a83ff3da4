package obsgrader.checks.docs;

import static obsgrader.i18n.Message.msg;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.i18n.Message;
import obsgrader.checks.dashboard.SubmissionFiles;
import obsgrader.checks.dashboard.Wording;

/**
 * The README tells a newcomer how to start the stack (half the points) and what it monitors (half: any four
 * of the five topics below, in English or French).
 */
@RubricCheck(id = "docs.readme")
public final class ReadmeExplainsStack implements Check {
    private static final Pattern HOW_TO_RUN = Pattern.compile("docker[- ]compose\\b[^\\n]*\\bup\\b|\\bmake\\s+(up|run|start)\\b");
    private static final Map<String, Pattern> TOPICS = topics();
    private static final int TOPICS_NEEDED = 4;
    private static final Pattern MONITORING_HEADING = Pattern.compile("monitor|surveill|supervis|observab|metri|alert|dashboard"
            + "|tableau|architecture|services|composants|components|what|ce qui|cibles|targets|exporter|grafana|prometheus|slo");

    /** Keyed by their sentence in the bundles: docs.readme.topic.<key>; in this order. */
    private static Map<String, Pattern> topics() {
        Map<String, Pattern> topics = new LinkedHashMap<>();
        topics.put("prometheus", Pattern.compile("prometheus"));
        topics.put("grafana", Pattern.compile("grafana|dashboard|tableau de bord"));
        topics.put("alerts", Pattern.compile("alert"));
        topics.put("exporters", Pattern.compile("exporter|target|cible|scrape"));
        topics.put("services", Pattern.compile("nginx|postgres|redis|\\bapi\\b"));
        return Collections.unmodifiableMap(topics);
    }

    /**
     * Where the README says what is monitored: its chapters about it ("## What is monitored", "## Ce qui est
     * supervisé", "## Architecture", "## Alerts"...) and its opening, before the first chapter, where a README
     * usually says what the project is ("This stack monitors the API with Prometheus, Grafana, Alertmanager and
     * node-exporter"); the whole text when it has no chapters at all. A URL list under "## Access" names Prometheus
     * without saying what it watches.
     */
    private static String whatIsMonitored(String text) {
        List<Markdown.Chapter> chapters = Markdown.chapters(text).stream().filter(c -> c.level() > 1).toList();
        if (chapters.isEmpty()) {
            return text;
        }
        String opening = text.substring(0, Math.max(0, text.indexOf(chapters.get(0).text())));
        return opening + "\n" + chapters.stream().filter(c -> MONITORING_HEADING.matcher(Wording.normalise(c.heading())).find())
                .map(Markdown.Chapter::text).collect(java.util.stream.Collectors.joining("\n"));
    }

    @Override
    public Verdict judge(GradingContext context) {
        Optional<Path> readme = context.submission().readme();
        if (readme.isEmpty()) {
            return Verdict.fromFiles(0).expected(msg("docs.readme.expected-file")).found(msg("docs.readme.none"))
                    .at(Message.verbatim(context.submission().root()))
                    .hint(msg("docs.readme.hint-file"));
        }
        String text = Wording.normalise(SubmissionFiles.read(readme.get()));
        boolean runs = HOW_TO_RUN.matcher(text).find();
        String monitored = whatIsMonitored(text);
        List<String> missingTopics = TOPICS.entrySet().stream().filter(t -> !t.getValue().matcher(monitored).find())
                .map(Map.Entry::getKey).toList();
        int topics = TOPICS.size() - missingTopics.size();
        double fraction = (runs ? 0.5 : 0) + 0.5 * Math.min(topics, TOPICS_NEEDED) / TOPICS_NEEDED;
        Message found = msg(missingTopics.isEmpty() ? "docs.readme.found" : "docs.readme.found-missing",
                msg(runs ? "docs.readme.runs" : "docs.readme.no-run"), topics, TOPICS.size(), topics(missingTopics));
        return Verdict.fromFiles(fraction)
                .expected(msg("docs.readme.expected", TOPICS_NEEDED, topics(List.copyOf(TOPICS.keySet()))))
                .found(found)
                .at(Message.verbatim(SubmissionFiles.where(context.submission(), readme.get(), 0)))
                .hint(fraction >= 1 ? Message.NONE : msg("docs.readme.hint", msg(runs ? "docs.readme.empty" : "docs.readme.hint-run"),
                        topics >= TOPICS_NEEDED ? msg("docs.readme.empty") : msg("docs.readme.hint-topics", topics(missingTopics))))
                .measured(found);
    }

    private static List<Message> topics(List<String> keys) {
        return keys.stream().map(key -> msg("docs.readme.topic." + key)).toList();
    }
}
