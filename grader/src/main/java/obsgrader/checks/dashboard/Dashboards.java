package obsgrader.checks.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import obsgrader.submission.Submission;

/**
 * The submission's exported dashboards and their panels, whatever the export's shape: the model alone or
 * wrapped in {@code {"dashboard": ...}} (API export), panels following their row (expanded rows) or nested
 * in it (collapsed rows, {@code row.panels[]}).
 */
public final class Dashboards {
    /** Legacy exports name their datasource by name: these names are not Prometheus. */
    private static final Pattern OTHER_DATASOURCE = Pattern.compile("(?i)loki|tempo|-- grafana --|-- dashboard --");

    private Dashboards() {
    }

    /** One exported dashboard: its file and its model. */
    public record Dashboard(Path file, JsonNode model) {
        public String name() {
            return file.getFileName().toString();
        }

        public String uid() {
            return model.path("uid").asText("");
        }

        public String title() {
            return model.path("title").asText("");
        }

        /** Every panel, rows included, in the dashboard's order. */
        public List<Panel> panels() {
            List<Panel> panels = new ArrayList<>();
            String row = "";
            int collapsedRows = 0;
            for (JsonNode node : model.path("panels")) {
                boolean isRow = "row".equals(node.path("type").asText());
                if (isRow) {
                    row = node.path("title").asText("").trim();
                }
                panels.add(new Panel(name(), node, row, 0));
                if (isRow && !node.path("panels").isEmpty()) {
                    collapsedRows++;
                    for (JsonNode nested : node.path("panels")) {
                        panels.add(new Panel(name(), nested, row, collapsedRows));
                    }
                }
            }
            return panels;
        }

        public List<Panel> contentPanels() {
            return panels().stream().filter(p -> !p.isRow()).toList();
        }
    }

    /**
     * A panel, with the title of the row it sits under and its layout group: 0 for the dashboard's own grid,
     * n for the panels kept inside the n-th collapsed row (laid out when that row opens).
     */
    public record Panel(String file, JsonNode node, String row, int group) {
        public String title() {
            return node.path("title").asText("").trim();
        }

        public String type() {
            return node.path("type").asText("");
        }

        public boolean isRow() {
            return "row".equals(type());
        }

        /** The expressions of its targets, whatever their datasource. */
        public List<String> queries() {
            return queries(target -> true);
        }

        /** The PromQL of its visible targets whose datasource (the target's, else the panel's) is Prometheus. */
        public List<String> prometheusQueries() {
            return queries(target -> !target.path("hide").asBoolean()
                    && isPrometheus(target.has("datasource") ? target.get("datasource") : node.path("datasource")));
        }

        private List<String> queries(Predicate<JsonNode> keep) {
            List<String> queries = new ArrayList<>();
            node.path("targets").forEach(target -> {
                String expr = target.path("expr").asText("").trim();
                if (!expr.isEmpty() && keep.test(target)) {
                    queries.add(expr);
                }
            });
            return queries;
        }

        /**
         * No datasource, or one named through a variable ({@code ${DS_PROMETHEUS}}), is the default one: the
         * lab's Prometheus. Only a datasource declared of another type is not.
         */
        private static boolean isPrometheus(JsonNode datasource) {
            if (datasource.isTextual()) {
                return !OTHER_DATASOURCE.matcher(datasource.asText()).find();
            }
            return !datasource.has("type") || "prometheus".equals(datasource.path("type").asText());
        }

        /** Where the student finds it: {@code techshop.json panel "P95 Latency" (id 4)}. */
        public String where() {
            return file + " panel \"" + title() + "\"" + (node.has("id") ? " (id " + node.path("id").asText() + ")" : "");
        }
    }

    /** Why no dashboard was found, naming the JSON files that do not parse: a broken export is not a missing one. */
    public static String noneFound(Submission submission) {
        submission.dashboards(); // parses every .json file: those that fail are listed in invalidFiles()
        List<String> unreadable = submission.invalidFiles().stream().filter(f -> f.file().toString().endsWith(".json"))
                .map(f -> SubmissionFiles.where(submission, f.file(), f.line()) + " is not valid JSON (" + f.problem() + ")")
                .toList();
        return "no dashboard JSON (a .json file with 'panels') in the submission"
                + (unreadable.isEmpty() ? "" : "; " + String.join("; ", unreadable));
    }

    public static List<Dashboard> of(Submission submission) {
        return submission.dashboards().stream().map(file -> {
            JsonNode tree = submission.parse(file).tree();
            return new Dashboard(file, tree.has("panels") ? tree : tree.path("dashboard"));
        }).toList();
    }
}
