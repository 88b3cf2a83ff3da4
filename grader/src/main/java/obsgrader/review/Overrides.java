package obsgrader.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import obsgrader.checks.Evidence;
import obsgrader.report.ScoreCard;
import obsgrader.report.ScoreCard.CheckScore;
import obsgrader.rubric.Rubric;
import obsgrader.submission.Yaml;

/**
 * The teacher's last word: {@code overrides.csv}, kept beside the class (a spreadsheet writes it), one entry a
 * line, with the columns {@code student,line,points,reason,who,when}:
 * <pre>
 * student,line,points,reason,who,when
 * alice,alerts.coverage,not assessed -> 5,"Grafana checked by hand in class",J. Martin,2026-12-07
 * bob,docs.readme,1 -> 3,README sent by mail before the deadline,J. Martin,2026-12-07
 * </pre>
 * {@code points} are the teacher's, optionally after what the grader gave when they wrote the entry
 * ({@code 1 -> 3}, {@code not assessed -> 5}): a later grading whose verdict differs keeps the override and says
 * it no longer matches. Lines starting with {@code #} are comments. Every entry is checked before anything is
 * graded: a student or a rubric line that does not exist, points out of the line's range, a missing reason, name
 * or date, or a line overridden twice is refused with the file and line. Applied to a run's {@link ScoreCard}
 * before any report is written ({@link #apply}), so every output agrees.
 */
public final class Overrides {
    /** Its name beside (inside) the class folder, where a batch finds it without {@code -Dgrader.overrides}. */
    public static final String FILE = "overrides.csv";
    private static final List<String> COLUMNS = List.of("student", "line", "points", "reason", "who", "when");
    private static final Pattern POINTS = Pattern.compile("(?:(.+?)\\s*(?:->|→)\\s*)?(\\d+(?:[.,]\\d+)?)");
    private static final Set<String> NOT_ASSESSED = Set.of("not assessed", "n/a", "non évalué", "n.é.");
    private static final Overrides NONE = new Overrides(null, List.of());

    /**
     * One override: {@code graderSaid} is what the grader gave when the teacher wrote it, a number or
     * {@link #NOT_ASSESSED_WORDS}, or null when the entry does not say; {@code source} is {@code file:line}.
     */
    public record Entry(String student, String line, String graderSaid, double points, String reason, String who,
                        String when, String source) {
        /** Whether the grader's verdict is no longer the one the override was written against (null: unknown). */
        static boolean stale(String against, CheckScore grader) {
            return against != null && !against.equals(verdict(grader));
        }

        String fingerprint() {
            return Overrides.fingerprint(line, graderSaid, points, reason, who, when);
        }
    }

    /** How an entry says the grader could not assess the line. */
    public static final String NOT_ASSESSED_WORDS = ScoreCard.Overridden.NOT_ASSESSED;

    private final Path file;
    private final List<Entry> entries;

    private Overrides(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = List.copyOf(entries);
    }

    public static Overrides none() {
        return NONE;
    }

    /** The file if it exists, else none: a batch looks for {@value #FILE} in the class folder. */
    public static Overrides loadIfPresent(Path file, Rubric rubric) {
        return file != null && Files.isRegularFile(file) ? load(file, rubric) : NONE;
    }

    /** Reads and checks the file against the rubric; refuses it, every fault with its line, if anything is wrong. */
    public static Overrides load(Path file, Rubric rubric) {
        Map<String, Double> maxima = new HashMap<>();
        rubric.criteria().forEach(c -> c.checks().forEach(item -> maxima.put(item.check(), item.points())));
        if (rubric.bonus() != null) {
            rubric.bonus().checks().forEach(item -> maxima.put(item.check(), item.points()));
        }
        List<String> faults = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class).with(schema)
                .readValues(file.toFile())) {
            boolean headerRead = false;
            while (true) {
                // the parser stands at the start of the next record: that is the line a refusal names
                int line = rows.getCurrentLocation().getLineNr();
                if (!rows.hasNextValue()) {
                    break;
                }
                Map<String, String> row = rows.nextValue();
                if (!headerRead) {
                    headerRead = true;
                    List<String> header = columns(rows);
                    List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
                    List<String> unknown = header.stream().filter(c -> !COLUMNS.contains(c)).toList();
                    if (!missing.isEmpty() || !unknown.isEmpty()) {
                        throw new InvalidOverrides(file + ":1: the header must name the columns " + String.join(",", COLUMNS)
                                + (missing.isEmpty() ? "" : "; missing: " + missing) + (unknown.isEmpty() ? "" : "; unknown: " + unknown));
                    }
                }
                String at = file + ":" + line;
                entry(row, at, maxima, faults).ifPresent(entry -> {
                    String earlier = seen.put(entry.student() + " " + entry.line(), at);
                    if (earlier != null) {
                        faults.add(at + ": " + entry.student() + "'s " + entry.line() + " is overridden already at " + earlier
                                + ": keep one entry a line");
                    } else {
                        entries.add(entry);
                    }
                });
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidOverrides refused) {
                throw refused;
            }
            throw new InvalidOverrides(file + where(e) + ": cannot be read as CSV (" + String.valueOf(e.getMessage()).lines()
                    .findFirst().orElse("") + "): write it as " + String.join(",", COLUMNS) + ", one override a line");
        }
        if (!faults.isEmpty()) {
            throw new InvalidOverrides(String.join("\n", faults));
        }
        return new Overrides(file, entries);
    }

    /** ":LINE" where the CSV parser stopped (a row with too many cells, an unclosed quote), when it says. */
    private static String where(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException parsing && parsing.getLocation() != null) {
                return ":" + parsing.getLocation().getLineNr();
            }
        }
        return "";
    }

    private static List<String> columns(MappingIterator<Map<String, String>> rows) {
        CsvSchema read = (CsvSchema) rows.getParserSchema();
        List<String> names = new ArrayList<>();
        read.forEach(column -> names.add(column.getName().trim().toLowerCase(Locale.ROOT)));
        return names;
    }

    private static java.util.Optional<Entry> entry(Map<String, String> row, String at, Map<String, Double> maxima,
                                                   List<String> faults) {
        Map<String, String> cells = new LinkedHashMap<>();
        row.forEach((column, value) -> cells.put(column.trim().toLowerCase(Locale.ROOT), value == null ? "" : value.trim()));
        List<String> empty = COLUMNS.stream().filter(c -> cells.getOrDefault(c, "").isEmpty()).toList();
        if (!empty.isEmpty()) {
            faults.add(at + ": " + String.join(", ", empty) + " empty: an override says whose line, the points, why, who and when");
            return java.util.Optional.empty();
        }
        String line = cells.get("line");
        Double max = maxima.get(line);
        if (max == null) {
            faults.add(at + ": no rubric line '" + line + "' (the rubric's lines: " + maxima.keySet().stream().sorted()
                    .collect(Collectors.joining(", ")) + ")");
            return java.util.Optional.empty();
        }
        Matcher points = POINTS.matcher(cells.get("points"));
        if (!points.matches()) {
            faults.add(at + ": points '" + cells.get("points") + "' is not a number, nor 'GRADER -> N' (such as '2 -> 4' or "
                    + "'not assessed -> 4')");
            return java.util.Optional.empty();
        }
        double value = Double.parseDouble(points.group(2).replace(',', '.'));
        if (value > max) {
            faults.add(at + ": " + ScoreCard.format(value) + " points for " + line + ", which is worth " + ScoreCard.format(max));
            return java.util.Optional.empty();
        }
        String said = points.group(1) == null ? null : graderSaid(points.group(1));
        if (points.group(1) != null && said == null) {
            faults.add(at + ": '" + points.group(1) + "' before the arrow is what the grader gave: a number or 'not assessed'");
            return java.util.Optional.empty();
        }
        if (!isDate(cells.get("when"))) {
            faults.add(at + ": when '" + cells.get("when") + "' is not a date (2026-12-07, or 2026-12-07T10:30:00Z)");
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Entry(cells.get("student"), line, said, value, cells.get("reason"), cells.get("who"),
                cells.get("when"), at));
    }

    private static String graderSaid(String text) {
        String words = text.trim().toLowerCase(Locale.ROOT);
        if (NOT_ASSESSED.contains(words)) {
            return NOT_ASSESSED_WORDS;
        }
        return words.matches("\\d+(?:[.,]\\d+)?") ? ScoreCard.format(Double.parseDouble(words.replace(',', '.'))) : null;
    }

    private static boolean isDate(String text) {
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException notADay) {
            try {
                OffsetDateTime.parse(text);
                return true;
            } catch (DateTimeParseException notAnInstant) {
                return false;
            }
        }
    }

    /** Refuses the entries naming a student the class does not have (every one, with its line). */
    public Overrides forClass(Collection<String> students) {
        List<String> faults = entries.stream().filter(e -> !students.contains(e.student()))
                .map(e -> e.source() + ": no student '" + e.student() + "' in the class (its students: "
                        + students.stream().sorted().collect(Collectors.joining(", ")) + ")")
                .toList();
        if (!faults.isEmpty()) {
            throw new InvalidOverrides(String.join("\n", faults));
        }
        return this;
    }

    public List<Entry> of(String student) {
        return entries.stream().filter(e -> e.student().equals(student)).toList();
    }

    /** Whether a file was read (perhaps empty: then every report must have been graded without overrides). */
    public boolean given() {
        return file != null;
    }

    /** Where the entries come from, for the run's log. */
    public String file() {
        return file == null ? "none" : file.toString();
    }

    /** The grader's verdict on a line as an entry writes it: its points, or {@value #NOT_ASSESSED_WORDS}. */
    static String verdict(CheckScore grader) {
        return grader.verdict().evidence() == Evidence.NOT_ASSESSED ? NOT_ASSESSED_WORDS : ScoreCard.format(grader.points());
    }

    /**
     * What each override of a student's earlier report was written against (the entry's word, or the grader's
     * verdict when it was first applied), by line: a regrade holds the new verdicts to them.
     */
    public static Map<String, String> writtenAgainst(Path results) {
        Map<String, String> against = new HashMap<>();
        if (!Files.isRegularFile(results)) {
            return against;
        }
        try {
            Yaml.JSON.readTree(results.toFile()).path("extra_data").path("overrides").forEach(o -> against.put(
                    o.path("check").asText(), o.path("written_against").isTextual() ? o.path("written_against").asText()
                            : Evidence.NOT_ASSESSED.label().equals(o.path("grader_evidence").asText()) ? NOT_ASSESSED_WORDS
                            : ScoreCard.format(o.path("grader_points").asDouble())));
        } catch (IOException e) {
            // unreadable: nothing to hold the new verdicts to
        }
        return against;
    }

    /** An entry in one line, as written from the file and as read back from a results.json. */
    static String fingerprint(String line, String graderSaid, double points, String reason, String who, String when) {
        return String.join("|", line, graderSaid == null ? "" : graderSaid, ScoreCard.format(points), reason, who, when);
    }

    /** Whether a student's report (its results.json) was graded with this file's entries for them, in any order. */
    public boolean gradedWith(Path results, String student) {
        return new HashSet<>(appliedIn(results)).equals(new HashSet<>(of(student).stream().map(Entry::fingerprint).toList()));
    }

    /** The overrides a report was graded with, from its results.json ({@code extra_data.overrides}). */
    private static List<String> appliedIn(Path results) {
        List<String> applied = new ArrayList<>();
        try {
            Yaml.JSON.readTree(results.toFile()).path("extra_data").path("overrides").forEach(o -> applied.add(fingerprint(
                    o.path("check").asText(), o.path("grader_said").isTextual() ? o.path("grader_said").asText() : null,
                    o.path("points").asDouble(), o.path("reason").asText(), o.path("who").asText(), o.path("when").asText())));
        } catch (IOException e) {
            // unreadable: the batch grades the student again anyway
        }
        return applied;
    }

    /**
     * The card with the teacher's points on the lines they overrode, the grader's verdict kept beside them: the one
     * place overrides are applied, before any report is written.
     */
    public ScoreCard apply(ScoreCard card, String student) {
        return apply(card, student, Map.of());
    }

    /**
     * The same, on a regrade: {@code earlier} is what each override of the student's earlier report was written
     * against ({@link #writtenAgainst}); an entry that does not say what the grader gave is held to it, so that a
     * regrade says which overrides no longer match a changed verdict even when the teacher wrote no arrow.
     */
    public ScoreCard apply(ScoreCard card, String student, Map<String, String> earlier) {
        Map<String, CheckScore> graded = card.checksById();
        Map<String, CheckScore> replaced = new LinkedHashMap<>();
        for (Entry entry : of(student)) {
            CheckScore grader = graded.get(entry.line());
            if (grader != null) {
                String against = entry.graderSaid() != null ? entry.graderSaid() : earlier.getOrDefault(entry.line(), verdict(grader));
                replaced.put(entry.line(), grader.overriddenBy(new ScoreCard.Overridden(entry.points(), grader.points(),
                        grader.verdict().evidence() == Evidence.NOT_ASSESSED, entry.graderSaid(), against, entry.reason(),
                        entry.who(), entry.when(), entry.source(), Entry.stale(against, grader))));
            }
        }
        return replaced.isEmpty() ? card : card.withScores(replaced);
    }
}
