package obsgrader.similarity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import obsgrader.submission.Submission;
import obsgrader.submission.Yaml;

/** A copied submission, disguised the way a student hides a copy (the similarity test and benchmark make them). */
final class Disguise {
    private Disguise() {
    }

    /**
     * What a student who copies does to hide it: rename every alert, respace the PromQL, change every third rule's
     * threshold, reorder the panels and leave a fourth out; every other copy writes its own
     * documents (here: has none), so that only its rules and dashboards can give it away.
     */
    static void copy(Path copy, boolean ownDocuments) throws IOException {
        Submission submission = Submission.load(copy);
        if (ownDocuments) {
            for (Path document : submission.documents()) {
                Files.delete(document);
            }
        }
        for (Path rules : submission.ruleFiles()) {
            List<String> lines = new ArrayList<>();
            int n = 0;
            int exprs = 0;
            for (String line : Files.readAllLines(rules)) {
                if (line.matches("\\s*-?\\s*alert:\\s*\\S.*")) {
                    line = line.replaceFirst("alert:\\s*\\S.*", "alert: Alerte" + (++n));
                } else if (line.matches("\\s*-?\\s*expr:\\s*[^|>].*")) {
                    line = line.replace("(", "( ").replace(",", " , ");
                    if (++exprs % 3 == 0) {
                        // a threshold of its own on every third rule: that rule no longer matches
                        line = line.replaceFirst("(\\d+)(\\D*)$", "$1" + "1$2");
                    }
                }
                lines.add(line);
            }
            Files.write(rules, lines);
        }
        for (Path dashboard : submission.dashboards()) {
            JsonNode tree = Yaml.JSON.readTree(dashboard.toFile());
            JsonNode model = tree.has("dashboard") ? tree.path("dashboard") : tree;
            shuffle(model.path("panels"));
            model.path("rows").forEach(row -> shuffle(row.path("panels")));
            Files.writeString(dashboard, Yaml.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        }
    }

    /** Reversed, a fourth left out, each panel with another id, title and place (its size kept). */
    private static void shuffle(JsonNode panels) {
        if (!(panels instanceof ArrayNode array)) {
            return;
        }
        List<JsonNode> reversed = new ArrayList<>();
        array.forEach(reversed::add);
        // every fourth panel left out
        for (int i = reversed.size() - 1; i >= 0; i--) {
            if (i % 4 == 3) {
                reversed.remove(i);
            }
        }
        Collections.reverse(reversed);
        array.removeAll();
        int y = 0;
        for (JsonNode panel : reversed) {
            if (panel instanceof ObjectNode object) {
                object.put("id", object.path("id").asInt() + 100);
                object.put("title", "Panneau " + object.path("title").asText());
                if (object.path("gridPos") instanceof ObjectNode grid) {
                    grid.put("y", y);
                    grid.put("x", 0);
                    y += grid.path("h").asInt();
                }
                shuffle(object.path("panels"));
            }
            array.add(panel);
        }
    }

}
