package obsgrader.similarity;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import obsgrader.submission.Submission;

/**
 * How much of what students wrote themselves two submissions of a class share: their alert and recording rules
 * (normalised PromQL, {@code for} and labels; not the rule's name nor the file's spacing), their dashboards' panels
 * (type, normalised queries and size; not ids, titles or positions, so reordered panels still match), their SLO
 * document and their README (winnowed word runs). What the lab's handout gives everyone (its listings, its
 * sentences) is the baseline, left out before comparing, as Moss and Dolos leave out template code, and so is
 * what many students of the class wrote alike. A pair's
 * score is the mean, over the parts both have, of the share of the smaller side found in the other.
 */
public final class Similarity {
    /** Pairs at or above this score are listed on the class page. */
    public static final double DEFAULT_THRESHOLD = 0.5;
    /** Fewer own rules or panels than this say nothing about copying. */
    private static final int FEWEST = 3;
    /** Fewer own fingerprints than this in a document say nothing either. */
    private static final int FEWEST_FINGERPRINTS = 15;
    private static final int SHOWN = 8;
    /** Written alike by more students than this (or a fifth of the class), a rule, panel or passage is the class's idiom. */
    private static final int COMMON = 3;
    private static final Pattern SLO_FILE = Pattern.compile("(?i)(^|[/_-])sl[oi]s?([/_.-]|$)|objectifs?[-_ ]de[-_ ]service");
    private static final Pattern EXPR = Pattern.compile("(?m)^\\s*-?\\s*(?:expr|query)\\s*:\\s*(\\|\\s*)?$|(?m)^\\s*-?\\s*(?:expr|query)\\s*:\\s*(.+)$");

    /** The parts compared. */
    public enum Part { RULES, DASHBOARDS, SLO, README }

    /** One rule or panel: the key it is compared by, and how it reads in the student's file. */
    public record Fragment(String key, String text, String where) {
    }

    /** What a student wrote, ready to compare. */
    public record Profile(String student, Map<Part, List<Fragment>> fragments, Map<Part, Passages> documents) {
    }

    /** One thing two students share: how it reads in each one's work. */
    public record Shared(Part part, String left, String right, String leftWhere, String rightWhere) {
    }

    /** Two students, their score, each part's, and what they share. */
    public record Pair(String left, String right, double score, Map<Part, Double> parts, List<Shared> shared) {
    }

    private final Set<String> baselineQueries = new HashSet<>();
    private final Set<Long> baselineRuns = new HashSet<>();

    /** The lab's handout as the baseline, and any other starting material the teacher gave (files). */
    public Similarity(List<Path> startingMaterial) {
        addBaseline(handout());
        startingMaterial.forEach(file -> {
            try {
                addBaseline(Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException("similarity baseline " + file + ": " + e.getMessage(), e);
            }
        });
    }

    private static String handout() {
        try (InputStream in = Similarity.class.getResourceAsStream("/obsgrader/similarity/lab-handout.fr.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Its queries (an {@code expr:} line, or the lines a block {@code expr: |} holds) and every run of its words. */
    private void addBaseline(String text) {
        baselineRuns.addAll(new Passages(text).runs());
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher expr = EXPR.matcher(lines.get(i));
            if (!expr.matches()) {
                continue;
            }
            if (expr.group(2) != null) {
                baselineQueries.add(PromQl.normalise(unquote(expr.group(2))));
                continue;
            }
            // a block: the handout's listings lost their indentation, so it ends at the next "key:" line
            StringBuilder block = new StringBuilder();
            for (int j = i + 1; j < lines.size() && !lines.get(j).matches("\\s*-?\\s*[a-z_]+:.*"); j++) {
                block.append(lines.get(j)).append('\n');
            }
            baselineQueries.add(PromQl.normalise(block.toString()));
        }
    }

    private static String unquote(String value) {
        String trimmed = value.trim();
        return trimmed.length() > 1 && (trimmed.startsWith("\"") && trimmed.endsWith("\"") || trimmed.startsWith("'")
                && trimmed.endsWith("'")) ? trimmed.substring(1, trimmed.length() - 1) : trimmed;
    }

    /** What a student wrote themselves: rules, panels and documents, the handout's left out. */
    public Profile profile(String student, Submission submission) {
        Map<Part, List<Fragment>> fragments = new EnumMap<>(Part.class);
        fragments.put(Part.RULES, rules(submission));
        fragments.put(Part.DASHBOARDS, panels(submission));
        Map<Part, Passages> documents = new EnumMap<>(Part.class);
        submission.readme().ifPresent(readme -> documents.put(Part.README, passages(readme)));
        submission.documents().stream().filter(d -> !d.equals(submission.readme().orElse(null)))
                .filter(d -> SLO_FILE.matcher(submission.root().relativize(d).toString()).find()).findFirst()
                .ifPresent(slo -> documents.put(Part.SLO, passages(slo)));
        return new Profile(student, fragments, documents);
    }

    private static Passages passages(Path document) {
        try {
            return new Passages(Files.readString(document));
        } catch (IOException e) {
            return new Passages("");
        }
    }

    private List<Fragment> rules(Submission submission) {
        List<Fragment> rules = new ArrayList<>();
        for (Path file : submission.ruleFiles()) {
            for (JsonNode group : submission.parse(file).tree().path("groups")) {
                for (JsonNode rule : group.path("rules")) {
                    String expr = PromQl.normalise(rule.path("expr").asText());
                    if (expr.isEmpty() || baselineQueries.contains(expr)) {
                        continue;
                    }
                    String kind = rule.has("alert") ? "alert" : "record";
                    Map<String, String> labels = new TreeMap<>();
                    rule.path("labels").fields().forEachRemaining(label -> labels.put(label.getKey(), label.getValue().asText()));
                    String key = kind + "|" + expr + "|for=" + rule.path("for").asText("") + "|" + labels;
                    String name = rule.path(kind).asText();
                    String text = kind + ": " + name + "\nexpr: " + rule.path("expr").asText().strip()
                            + (rule.has("for") ? "\nfor: " + rule.path("for").asText() : "")
                            + (labels.isEmpty() ? "" : "\nlabels: " + labels);
                    rules.add(new Fragment(key, text, submission.root().relativize(file) + " (" + name + ")"));
                }
            }
        }
        return rules;
    }

    private List<Fragment> panels(Submission submission) {
        List<Fragment> panels = new ArrayList<>();
        for (Path file : submission.dashboards()) {
            JsonNode tree = submission.parse(file).tree();
            JsonNode model = tree.has("dashboard") ? tree.path("dashboard") : tree;
            List<JsonNode> all = new ArrayList<>();
            collect(model.path("panels"), all);
            model.path("rows").forEach(row -> collect(row.path("panels"), all));
            for (JsonNode panel : all) {
                List<String> queries = StreamSupport.stream(panel.path("targets").spliterator(), false)
                        .map(t -> t.path("expr").asText("")).filter(q -> !q.isBlank()).toList();
                List<String> keys = queries.stream().map(PromQl::normalise).sorted().toList();
                if (keys.isEmpty() || baselineQueries.containsAll(keys)) {
                    continue;
                }
                JsonNode grid = panel.path("gridPos");
                String size = grid.isMissingNode() ? "span " + panel.path("span").asText("") : grid.path("w").asText() + "x" + grid.path("h").asText();
                String key = panel.path("type").asText() + "|" + keys + "|" + size;
                String title = panel.path("title").asText();
                panels.add(new Fragment(key, "panel: " + title + " (" + panel.path("type").asText() + ", " + size + ")\n"
                        + String.join("\n", queries), submission.root().relativize(file) + " (" + title + ")"));
            }
        }
        return panels;
    }

    /** Panels, and the panels of collapsed rows inside them. */
    private static void collect(JsonNode panels, List<JsonNode> into) {
        panels.forEach(panel -> {
            into.add(panel);
            collect(panel.path("panels"), into);
        });
    }

    /**
     * Every pair of the class, most similar first. What more than a fifth of the class wrote alike (and at least
     * {@value #COMMON} students: {@code pg_up == 0}, a sentence every README has) is left out like the handout, as
     * Moss leaves out what too many programs share ({@code -m}): it is the lab's idiom, not a copy.
     */
    public List<Pair> compare(List<Profile> profiles) {
        int common = Math.max(COMMON, profiles.size() / 5);
        Set<String> commonKeys = new HashSet<>();
        Map<String, Long> keyCounts = profiles.stream().flatMap(p -> p.fragments().values().stream()
                        .flatMap(f -> f.stream().map(Fragment::key).distinct()))
                .collect(Collectors.groupingBy(k -> k, Collectors.counting()));
        keyCounts.forEach((key, count) -> {
            if (count > common) {
                commonKeys.add(key);
            }
        });
        Set<Long> commonRuns = new HashSet<>(baselineRuns);
        profiles.stream().flatMap(p -> p.documents().values().stream().flatMap(d -> d.runs().stream()))
                .collect(Collectors.groupingBy(h -> h, Collectors.counting()))
                .forEach((run, count) -> {
                    if (count > common) {
                        commonRuns.add(run);
                    }
                });
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            for (int j = i + 1; j < profiles.size(); j++) {
                pairs.add(compare(profiles.get(i), profiles.get(j), commonKeys, commonRuns));
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::score).reversed().thenComparing(Pair::left).thenComparing(Pair::right));
        return pairs;
    }

    private Pair compare(Profile left, Profile right, Set<String> commonKeys, Set<Long> commonRuns) {
        Map<Part, Double> parts = new LinkedHashMap<>();
        List<Shared> shared = new ArrayList<>();
        for (Part part : List.of(Part.RULES, Part.DASHBOARDS)) {
            List<Fragment> mine = left.fragments().get(part).stream().filter(f -> !commonKeys.contains(f.key())).toList();
            List<Fragment> theirs = right.fragments().get(part).stream().filter(f -> !commonKeys.contains(f.key())).toList();
            Set<String> a = mine.stream().map(Fragment::key).collect(Collectors.toSet());
            Set<String> b = theirs.stream().map(Fragment::key).collect(Collectors.toSet());
            if (Math.min(a.size(), b.size()) < FEWEST) {
                continue;
            }
            Set<String> both = new HashSet<>(a);
            both.retainAll(b);
            parts.put(part, (double) both.size() / Math.min(a.size(), b.size()));
            mine.stream().filter(f -> both.contains(f.key())).limit(SHOWN).forEach(f -> {
                Fragment other = theirs.stream().filter(t -> t.key().equals(f.key())).findFirst().orElseThrow();
                shared.add(new Shared(part, f.text(), other.text(), f.where(), other.where()));
            });
        }
        for (Part part : List.of(Part.SLO, Part.README)) {
            Passages mine = left.documents().get(part);
            Passages theirs = right.documents().get(part);
            if (mine == null || theirs == null) {
                continue;
            }
            Set<Long> a = mine.fingerprints(commonRuns);
            Set<Long> b = theirs.fingerprints(commonRuns);
            if (Math.min(a.size(), b.size()) < FEWEST_FINGERPRINTS) {
                continue;
            }
            Set<Long> both = new HashSet<>(a);
            both.retainAll(b);
            parts.put(part, (double) both.size() / Math.min(a.size(), b.size()));
            mine.sharedWith(theirs, commonRuns, SHOWN).forEach(passage ->
                    shared.add(new Shared(part, passage[0], passage[1], "", "")));
        }
        double score = parts.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return new Pair(left.student(), right.student(), score, parts, shared);
    }
}
