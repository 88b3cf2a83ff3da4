package obsgrader.checks.docs;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.checks.dashboard.SubmissionFiles;
import obsgrader.checks.dashboard.Wording;

/**
 * The README tells a newcomer how to start the stack (half the points) and what it monitors (half: any four
 * of the five topics below, in English or French).
 */
@RubricCheck(id = "docs.readme", title = "The README says how to run the stack and what it monitors")
public final class ReadmeExplainsStack implements Check {
    private static final Pattern HOW_TO_RUN = Pattern.compile("docker[- ]compose\\b[^\\n]*\\bup\\b|\\bmake\\s+(up|run|start)\\b");
    private static final Map<String, Pattern> TOPICS = new LinkedHashMap<>();
    private static final int TOPICS_NEEDED = 4;
    private static final Pattern MONITORING_HEADING = Pattern.compile("monitor|surveill|supervis|observab|metri|alert|dashboard"
            + "|tableau|architecture|services|composants|components|what|ce qui|cibles|targets|exporter|grafana|prometheus|slo");

    static {
        TOPICS.put("Prometheus", Pattern.compile("prometheus"));
        TOPICS.put("Grafana / dashboards", Pattern.compile("grafana|dashboard|tableau de bord"));
        TOPICS.put("alerts", Pattern.compile("alert"));
        TOPICS.put("exporters / targets", Pattern.compile("exporter|target|cible|scrape"));
        TOPICS.put("the monitored services (nginx, API, PostgreSQL, Redis)", Pattern.compile("nginx|postgres|redis|\\bapi\\b"));
    }

    /**
     * Where the README says what is monitored: its chapters about it ("## What is monitored", "## Ce qui est
     * supervisé", "## Architecture", "## Alerts"...); the whole text only when it has no chapters at all. A
     * URL list under "## Access" names Prometheus without saying what it watches.
     */
    private static String whatIsMonitored(String text) {
        List<Markdown.Chapter> chapters = Markdown.chapters(text).stream().filter(c -> c.level() > 1).toList();
        if (chapters.isEmpty()) {
            return text;
        }
        return chapters.stream().filter(c -> MONITORING_HEADING.matcher(Wording.normalise(c.heading())).find())
                .map(Markdown.Chapter::text).collect(java.util.stream.Collectors.joining("\n"));
    }

    @Override
    public Verdict judge(GradingContext context) {
        Optional<Path> readme = context.submission().readme();
        if (readme.isEmpty()) {
            return Verdict.fromFiles(0).expected("a README at the root of the submission").found("none")
                    .at(context.submission().root().toString())
                    .hint("Write README.md: how to start the stack (docker compose up -d), the URLs, and what is monitored "
                            + "(targets, exporters, alerts, dashboards).");
        }
        String text = Wording.normalise(SubmissionFiles.read(readme.get()));
        boolean runs = HOW_TO_RUN.matcher(text).find();
        String monitored = whatIsMonitored(text);
        List<String> missingTopics = TOPICS.entrySet().stream().filter(t -> !t.getValue().matcher(monitored).find())
                .map(Map.Entry::getKey).toList();
        int topics = TOPICS.size() - missingTopics.size();
        double fraction = (runs ? 0.5 : 0) + 0.5 * Math.min(topics, TOPICS_NEEDED) / TOPICS_NEEDED;
        return Verdict.fromFiles(fraction)
                .expected("how to run (docker compose up) and what is monitored (" + TOPICS_NEEDED + " of: "
                        + String.join(", ", TOPICS.keySet()) + ")")
                .found((runs ? "run instructions" : "no 'docker compose up' instructions") + "; " + topics + " of "
                        + TOPICS.size() + " topics in its chapters about monitoring" + (missingTopics.isEmpty() ? "" : " (not mentioned: " + String.join(", ", missingTopics) + ")"))
                .at(SubmissionFiles.where(context.submission(), readme.get(), 0))
                .hint(fraction >= 1 ? "" : (runs ? "" : "Say how to start the stack: docker compose up -d. ")
                        + (topics >= TOPICS_NEEDED ? "" : "Describe what is monitored: " + String.join(", ", missingTopics) + "."));
    }
}
