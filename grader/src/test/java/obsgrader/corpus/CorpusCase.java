package obsgrader.corpus;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import obsgrader.engine.Compose;
import obsgrader.grading.Mode;
import obsgrader.submission.Yaml;

/**
 * One submission of the flawed corpus, as its {@code case.yml} describes it: the reference stack changed by a
 * few transformation steps and overlay files, and the outcome its grading must have. Read strictly: an unknown
 * key is an error, so a typo cannot silently weaken an expectation.
 *
 * @param base       what the submission starts from: the reference stack (the default), or an empty folder
 * @param expected   the checks the defects cost, by rubric id
 * @param others     what every check not listed must get; absent: what the reference gets
 * @param othersLive the same for live checks, when it differs (a stack that cannot boot)
 * @param notes      texts the report's header must hold, by note (e.g. {@code stack}: why it did not boot)
 * @param compose    the compose that boots it ({@code v1}, {@code v2}); absent: {@code -Dgrader.compose}'s
 */
record CorpusCase(@JacksonInject("name") String name, @JsonProperty(required = true) String description,
                  @JsonProperty(required = true) Kind kind, @JsonProperty(required = true) CaseMode mode,
                  List<String> defects, Base base, List<Step> transform,
                  @JsonProperty("busy_ports") List<Integer> busyPorts, Map<String, Expectation> expected,
                  Expectation others, @JsonProperty("others_live") Expectation othersLive, Map<String, String> notes,
                  String compose) {
    private static final ObjectMapper STRICT = Yaml.YAML.copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    enum Kind {
        @JsonProperty("flawed") FLAWED,
        @JsonProperty("bad-input") BAD_INPUT
    }

    enum Base {
        @JsonProperty("reference") REFERENCE,
        @JsonProperty("empty") EMPTY
    }

    /** {@code static} grades the files only (promtool and amtool may still run); {@code live} boots the stack. */
    enum CaseMode {
        @JsonProperty("static") STATIC(Mode.STATIC),
        @JsonProperty("live") LIVE(Mode.FULL);

        private final Mode grading;

        CaseMode(Mode grading) {
            this.grading = grading;
        }

        Mode grading() {
            return grading;
        }
    }

    CorpusCase {
        defects = defects == null ? List.of(description) : List.copyOf(defects);
        base = base == null ? Base.REFERENCE : base;
        transform = transform == null ? List.of() : List.copyOf(transform);
        busyPorts = busyPorts == null ? List.of() : List.copyOf(busyPorts);
        expected = expected == null ? Map.of() : Map.copyOf(expected);
        notes = notes == null ? Map.of() : Map.copyOf(notes);
        compose = compose == null ? "" : compose;
    }

    /** The case's compose, or the run's ({@code -Dgrader.compose}) when it names none. */
    Compose.Choice composeChoice(Compose.Choice otherwise) {
        return compose.isEmpty() ? otherwise : Compose.Choice.parse(compose);
    }

    /**
     * One change to the copy of the reference, exactly one of: {@code file} with {@code replace} (literal text)
     * or {@code regex}, each occurrence replaced {@code with}; {@code delete} a file or folder; {@code merge} a
     * rule file's groups {@code into} another (the first deleted).
     */
    record Step(String file, String replace, String regex, String with, String delete, String merge, String into) {
        Step {
            long forms = Stream.of(file != null, delete != null, merge != null).filter(b -> b).count();
            boolean edit = file != null && (replace == null) != (regex == null) && with != null;
            if (forms != 1 || file != null && !edit || merge != null && into == null) {
                throw new IllegalArgumentException("a transform step is {file, replace|regex, with}, {delete} or "
                        + "{merge, into}; found " + this);
            }
        }
    }

    /**
     * What one check must get: {@code loses} a share of its points, its reason holding each text of {@code reason}
     * (one or a list); or {@code not_assessed}, its cause holding that text.
     */
    record Expectation(Share loses, List<String> reason, @JsonProperty("not_assessed") String notAssessed) {
        Expectation {
            if ((loses == null) == (notAssessed == null) || notAssessed != null && reason != null) {
                throw new IllegalArgumentException("an expectation is {loses, reason?} or {not_assessed}");
            }
            reason = reason == null ? List.of() : List.copyOf(reason);
        }

        @Override
        public String toString() {
            return notAssessed != null ? "not assessed (\"" + notAssessed + "\")"
                    : "loses " + loses + " of its points" + reason.stream().map(r -> " \"" + r + "\"").collect(Collectors.joining(" +"));
        }
    }

    /**
     * The share of a check's points lost, as the check computes it (so the rubric's weights may change): a
     * fraction ({@code 1/9}: one item of nine), a {@code [min, max]} range of fractions where a count legitimately
     * varies, {@code all}, or {@code none} (a check the case's other expectations would otherwise cover). Points are
     * rounded to a tenth on the card: the comparison allows for that.
     */
    record Share(double min, double max, String text) {
        private static final double ROUNDING = 0.05 + 1e-9;

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static Share of(JsonNode node) {
            if (node.isArray() && node.size() == 2) {
                return new Share(fraction(node.get(0)), fraction(node.get(1)), "[" + node.get(0).asText() + ", " + node.get(1).asText() + "]");
            }
            return new Share(fraction(node), fraction(node), node.asText());
        }

        private static double fraction(JsonNode node) {
            String text = node.asText().strip();
            String[] parts = text.split("/");
            return switch (text) {
                case "all" -> 1;
                case "none" -> 0;
                default -> {
                    if (!node.isTextual() || parts.length != 2) {
                        throw new IllegalArgumentException("loses is a fraction of the check's points (1/9), [min, max], "
                                + "all or none; found " + node);
                    }
                    yield Double.parseDouble(parts[0].strip()) / Double.parseDouble(parts[1].strip());
                }
            };
        }

        /** Whether {@code lost} points, rounded as on the card, are this share of a check worth {@code points}. */
        boolean allows(double lost, double points) {
            return lost >= min * points - ROUNDING && lost <= max * points + ROUNDING;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    static String format(double points) {
        return points == Math.rint(points) ? String.valueOf((long) points) : String.valueOf(points);
    }

    /** The reference stack as a student hands it in, graded statically: no step, no overlay. */
    static CorpusCase reference() {
        return reference(CaseMode.STATIC);
    }

    /** The reference as a case graded this way: with nothing expected, it must get every assessable point. */
    static CorpusCase reference(CaseMode mode) {
        return new CorpusCase("reference", "the reference stack", Kind.FLAWED, mode, null, null, null, null,
                null, null, null, null, null);
    }

    static CorpusCase load(Path folder) {
        try {
            return STRICT.readerFor(CorpusCase.class)
                    .with(new InjectableValues.Std().addValue("name", folder.getFileName().toString()))
                    .readValue(folder.resolve("case.yml").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(folder.resolve("case.yml") + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
