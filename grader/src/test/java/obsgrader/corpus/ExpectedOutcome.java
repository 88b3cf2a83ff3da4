package obsgrader.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import obsgrader.checks.CheckCatalog;
import obsgrader.checks.Check;
import obsgrader.checks.Evidence;
import obsgrader.i18n.Message;
import obsgrader.report.ScoreCard;
import obsgrader.report.ScoreCard.CheckScore;

/**
 * A case's score card held against its {@code expected}: the checks it lists lose what they say, every other
 * check gets what the reference gets, the run is gradable, and no reason shows the grader's insides (a Java
 * exception's name or a stack frame). The differences come back as lines a person reads: check, expected,
 * actual.
 */
final class ExpectedOutcome {
    private static final Pattern STACK_TRACE = Pattern.compile("\\b[A-Z][\\w$]*(Exception|Error)\\b|\\bat (obsgrader|java|org)\\.");
    /** Why a live check is not assessed on the reference too: a service with no image on this machine. */
    private static final String CANNOT_RUN_HERE = "cannot run on this machine";

    /** One way the card differs from the expectation. */
    record Difference(String check, String expected, String actual) {
    }

    private final CorpusCase corpusCase;
    private final Map<String, CheckScore> reference;

    /** @param reference the reference's scores, graded statically the same way: what an unlisted static check must get */
    ExpectedOutcome(CorpusCase corpusCase, Map<String, CheckScore> reference) {
        this.corpusCase = corpusCase;
        this.reference = reference;
    }

    List<Difference> differences(ScoreCard card) {
        List<Difference> differences = new ArrayList<>(ofTheRun(card));
        Map<String, CheckScore> scores = card.checksById();
        corpusCase.expected().keySet().stream().filter(id -> !scores.containsKey(id)).sorted()
                .forEach(id -> differences.add(new Difference(id, corpusCase.expected().get(id).toString(), "not in the rubric")));
        scores.values().forEach(score -> differences.addAll(ofCheck(score)));
        return differences;
    }

    /** The run as a whole: gradable, its header free of stack traces and holding the notes the case names. */
    private List<Difference> ofTheRun(ScoreCard card) {
        List<Difference> differences = new ArrayList<>();
        if (!card.gradable()) {
            differences.add(new Difference("(run)", "gradable", "NOT GRADABLE: " + card.notGradable()));
        }
        card.environment().forEach((what, note) -> {
            if (STACK_TRACE.matcher(note.toString()).find()) {
                differences.add(new Difference("(header) " + what, "no stack trace", note.toString()));
            }
        });
        corpusCase.notes().forEach((what, text) -> {
            String note = String.valueOf(card.environment().getOrDefault(what, Message.NONE));
            if (!note.contains(text)) {
                differences.add(new Difference("(header) " + what, "\"" + text + "\"", note.isEmpty() ? "no such note" : note));
            }
        });
        return differences;
    }

    private List<Difference> ofCheck(CheckScore score) {
        String id = score.check();
        boolean listed = corpusCase.expected().containsKey(id);
        boolean live = CheckCatalog.find(id).map(Check::live).orElse(false);
        // a live line that the files decide in a static run (coverage: promtool's verdict) is graded as such
        if (corpusCase.mode() == CorpusCase.CaseMode.STATIC && live && score.verdict().evidence() == Evidence.NOT_ASSESSED) {
            return listed ? List.of(new Difference(id, corpusCase.expected().get(id).toString(), "a live check, not graded in a static case"))
                    : List.of();
        }
        List<Difference> differences = new ArrayList<>();
        if (STACK_TRACE.matcher(score.verdict().reason()).find()) {
            differences.add(new Difference(id, "no stack trace in the reason", score.verdict().reason()));
        }
        if (!listed && cannotRunHere(score)) {
            return differences;
        }
        CorpusCase.Expectation expectation = expectationFor(id, live);
        if (expectation == null) {
            unlikeReference(score, live).ifPresent(expected -> differences.add(new Difference(id, expected, actual(score))));
        } else if (!meets(expectation, score)) {
            differences.add(new Difference(id, expectation.toString(), actual(score)));
        }
        return differences;
    }

    private CorpusCase.Expectation expectationFor(String id, boolean live) {
        if (corpusCase.expected().containsKey(id)) {
            return corpusCase.expected().get(id);
        }
        return live && corpusCase.othersLive() != null ? corpusCase.othersLive() : corpusCase.others();
    }

    private static boolean meets(CorpusCase.Expectation expectation, CheckScore score) {
        boolean notAssessed = score.verdict().evidence() == Evidence.NOT_ASSESSED;
        String reason = score.verdict().reason();
        if (expectation.notAssessed() != null) {
            return notAssessed && reason.contains(expectation.notAssessed());
        }
        return !notAssessed && expectation.loses().allows(ScoreCard.round(score.lost()), score.max())
                && expectation.reason().stream().allMatch(reason::contains);
    }

    /** What the reference gets, when an unlisted check got something else. */
    private Optional<String> unlikeReference(CheckScore score, boolean live) {
        CheckScore expected = reference.get(score.check());
        if (!live && expected != null) {
            return Math.abs(expected.points() - score.points()) < 1e-6 ? Optional.empty()
                    : Optional.of("as the reference: " + CorpusCase.format(expected.points()) + "/" + CorpusCase.format(expected.max()));
        }
        return score.verdict().full() ? Optional.empty() : Optional.of("as the reference: full marks");
    }

    /** Not assessed as on the reference: the check's service has no image on this machine, whatever the case. */
    private static boolean cannotRunHere(CheckScore score) {
        return score.verdict().evidence() == Evidence.NOT_ASSESSED && score.verdict().reason().contains(CANNOT_RUN_HERE);
    }

    private static String actual(CheckScore score) {
        String evidence = score.verdict().evidence().label();
        return "loses " + CorpusCase.format(ScoreCard.round(score.lost())) + " of " + CorpusCase.format(score.max()) + " ("
                + evidence + "): " + score.verdict().reason();
    }

    /** The differences as a table a person reads in the build log. */
    static String render(CorpusCase corpusCase, List<Difference> differences) {
        int width = Math.max(20, differences.stream().mapToInt(d -> d.check().length()).max().orElse(0));
        String indent = " ".repeat(width + 4);
        return "case " + corpusCase.name() + " (" + corpusCase.description() + "): " + differences.size()
                + " difference(s) from its case.yml\n" + differences.stream()
                .map(d -> String.format("  %-" + width + "s  expected: %s%n%s  actual:   %s", d.check(), d.expected(), indent, d.actual()))
                .collect(Collectors.joining("\n"));
    }
}
