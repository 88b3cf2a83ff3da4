package obsgrader.checks.dashboard;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import obsgrader.i18n.Message;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.LabRole;
import obsgrader.submission.Submission;
import obsgrader.submission.Yaml;

/**
 * The submission's exported dashboards and their panels, whatever the export's shape: the model alone or
 * wrapped in {@code {"dashboard": ...}} (API export), panels following their row (expanded rows), nested in
 * it (collapsed rows, {@code row.panels[]}), or in Grafana's older {@code rows[]} schema.
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

        /**
         * Every panel, rows included, in the dashboard's order. Grafana's older schema ({@code rows[]}, each
         * holding its panels) reads as the current one: each old row a row panel followed by its panels.
         */
        public List<Panel> panels() {
            List<Panel> panels = new ArrayList<>();
            String row = "";
            int collapsedRows = 0;
            for (JsonNode oldRow : model.path("rows")) {
                row = oldRow.path("title").asText("").trim();
                panels.add(new Panel(name(), oldRowAsPanel(oldRow), row, 0));
                collapsedRows++;
                for (JsonNode nested : oldRow.path("panels")) {
                    panels.add(new Panel(name(), nested, row, collapsedRows));
                }
            }
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

        private static JsonNode oldRowAsPanel(JsonNode oldRow) {
            return Yaml.JSON.createObjectNode().put("type", "row").put("title", oldRow.path("title").asText(""));
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

        /**
         * What the panel shows, in the current schema's names: Grafana's older panels did several jobs, a
         * singlestat with its gauge on is a gauge, a graph whose x-axis is in histogram mode is a histogram.
         */
        public String visualisation() {
            if ("singlestat".equals(type()) && node.path("gauge").path("show").asBoolean()) {
                return "gauge";
            }
            if ("graph".equals(type()) && "histogram".equals(node.path("xaxis").path("mode").asText())) {
                return "histogram";
            }
            return type();
        }

        public boolean isRow() {
            return "row".equals(type());
        }

        /** The same panel, read as sitting under a row of that title. */
        public Panel inRow(String title) {
            return new Panel(file, node, title, group);
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

        /** Where the student finds it, in the report's language: {@code techshop.json panel "P95 Latency" (id 4)}. */
        public Message place() {
            return node.has("id") ? msg("dashboard.panel-id", file, title(), node.path("id").asText()) : msg("dashboard.panel", file, title());
        }

        /** {@link #place()} in English, for evidence. */
        public String where() {
            return place().toString();
        }
    }

    /** Why no dashboard was found, naming the JSON files that do not parse: a broken export is not a missing one. */
    public static Message noneFound(Submission submission) {
        submission.dashboards(); // parses every .json file: those that fail are listed in invalidFiles()
        List<Message> found = new ArrayList<>(List.of(msg("dashboard.no-dashboard")));
        submission.invalidFiles().stream().filter(f -> f.file().toString().endsWith(".json"))
                .map(f -> msg("dashboard.not-json", SubmissionFiles.where(submission, f.file(), f.line()), f.problem()))
                .forEach(found::add);
        return Message.clauses(found);
    }

    /**
     * The dashboards Grafana would load: those under the folders its file providers read (as the grafana
     * container sees them), or every exported dashboard of the submission when no provider leads to one.
     */
    public static List<Dashboard> of(Submission submission) {
        List<Path> provisioned = provisioned(submission).values().stream().flatMap(List::stream).distinct().toList();
        return read(submission, provisioned.isEmpty() ? submission.dashboards() : provisioned);
    }

    /** The dashboards the file providers serve, none when no provider leads to one. */
    public static List<Dashboard> provisionedOnly(Submission submission) {
        return read(submission, provisioned(submission).values().stream().flatMap(List::stream).distinct().toList());
    }

    private static List<Dashboard> read(Submission submission, List<Path> files) {
        return files.stream().map(file -> {
            JsonNode tree = submission.parse(file).tree();
            return new Dashboard(file, tree.has("dashboard") ? tree.path("dashboard") : tree);
        }).toList();
    }

    /** Each file provider and the exported dashboards the grafana container sees under its path. */
    public static Map<Provisioning.Provider, List<Path>> provisioned(Submission submission) {
        Map<Provisioning.Provider, List<Path>> served = new LinkedHashMap<>();
        List<Path> exported = submission.dashboards();
        Optional<ComposeFile> compose = submission.compose();
        Optional<String> grafana = compose.flatMap(c -> c.serviceFor(LabRole.GRAFANA));
        Map<String, Path> seen = grafana.map(g -> compose.get().filesSeenBy(g)).orElse(Map.of());
        for (Provisioning.Provider provider : Provisioning.providers(submission)) {
            if (!"file".equals(provider.type()) || provider.path().isEmpty() || !provider.read()) {
                continue;
            }
            String folder = provider.path().replaceAll("(?<=.)/+$", "");
            served.put(provider, seen.entrySet().stream()
                    .filter(e -> e.getKey().equals(folder) || e.getKey().startsWith(folder + "/"))
                    .map(Map.Entry::getValue).filter(exported::contains).distinct().sorted().toList());
        }
        return served;
    }
}
