package obsgrader.checks.slo;

import static obsgrader.i18n.Message.msg;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.checks.dashboard.Wording;
import obsgrader.checks.docs.Documents;
import obsgrader.checks.docs.Markdown;
import obsgrader.i18n.Message;
import obsgrader.submission.Submission;

/**
 * The SLO document (SLO.md, or SLO chapters of the README or of any other document) states the lab's three SLIs with their targets,
 * says why each target, and gives the error budget with a figure and the burn rate. Eight elements, an equal
 * share each. An SLI's target and justification are looked for where the document speaks of that SLI (its
 * chapter, or a paragraph, list item or table row naming it), so one "because" does not justify all three.
 */
@RubricCheck(id = "slo.document", title = "The SLO document states the 3 SLIs, their targets and why, the error budget and the burn rate")
public final class SloDocumentComplete implements Check {
    private static final Pattern SLO_HEADING = Pattern.compile("\\bsl[oi]s?\\b|objecti|service level|niveau de service|error budget|budget d.erreur");
    /** A document named for its SLOs: {@code SLO.md}, {@code docs/slos.md}, {@code slo/objectifs.md}. */
    private static final Pattern SLO_FILE = Pattern.compile("(^|[/_-])sl[oi]s?([/_.-]|$)|objectifs?[-_ ]de[-_ ]service");
    /** Words that give a reason, not only a definition: "because", "customers accept", "would need", "car", "afin"... */
    private static final Pattern JUSTIFICATION = Pattern.compile(
            "because|since|\\bwhy\\b|justif|rationale|reason|so that|in order to|\\ballows?\\b|\\bwould\\b|\\bneeds?\\b|enough"
                    + "|\\bexpect|\\baccept|tolerat|afford|\\bcost|\\bmust\\b|\\bfeels?\\b|otherwise"
                    + "|\\bcar\\b|parce qu|afin|pour que|puisque|raison|pourquoi|permet|suffi|tolere|\\bdoit\\b|demander|marge|parait"
                    + "|sinon|etant donne|compte tenu");
    private static final Pattern ERROR_BUDGET = Pattern.compile("error[ -]?budget|budget d.erreurs?");
    private static final Pattern FIGURE = Pattern.compile(
            "\\d+(?:[.,]\\d+)?\\s*(%|min|h\\b|heures?|hours?|jours?|days?|secondes?|seconds?|s\\b)");
    private static final Pattern BURN_RATE = Pattern.compile(
            "burn[ -]?rate|taux de (consommation|combustion|brulage)|vitesse de (consommation|combustion)");

    /** One SLI of the lab: the words that name it and the target the lab sets. */
    private record Sli(Message name, Pattern topic, Pattern target, Message targetText) {
    }

    /**
     * The student's own targets count, not only the lab's: any availability from 90 % to 100 %, any percentile
     * under a duration, an error share below 10 % or the success rate it leaves (a careful teacher reads "taux de
     * succès ≥ 99,5 %" as an error target of 0.5 %).
     */
    private static final List<Sli> SLIS = List.of(
            new Sli(msg("slo.sli.availability"), Pattern.compile("availab|disponib"),
                    Pattern.compile("(?<![\\d.,])(9\\d(?:[.,]\\d+)?|100)\\s*%|\\b0[.,]9\\d*\\b"), msg("slo.document.target.availability")),
            new Sli(msg("slo.sli.latency"), Pattern.compile("latenc|temps de reponse|response time"),
                    Pattern.compile("(?s)^(?=.*(\\b9\\d\\s*%|p9\\d|\\b9\\d(e|th)? (percentile|centile)))(?=.*(\\d+\\s*ms\\b|\\d+(?:[.,]\\d+)?\\s*s\\b))"),
                    msg("slo.document.target.latency")),
            new Sli(msg("slo.sli.errors"), Pattern.compile("(?<!budget d.)erreurs?|error(?![ -]?budget)|5xx|succes|success"),
                    Pattern.compile("(?<![\\d.,])(\\d(?:[.,]\\d+)?|9\\d(?:[.,]\\d+)?)\\s*%|\\b0[.,]0\\d*\\b"), msg("slo.document.target.errors")));

    /** A statement of a "Justification(s)" / "Pourquoi ces objectifs" chapter naming the SLI or its target justifies it. */
    private static boolean justifiedInItsChapter(String text, Sli sli) {
        return Markdown.chapters(text).stream().filter(c -> JUSTIFICATION.matcher(c.heading()).find())
                .flatMap(c -> Markdown.statements(c.text()).stream())
                .anyMatch(statement -> sli.topic().matcher(statement).find() || sli.target().matcher(statement).find());
    }

    @Override
    public Verdict judge(GradingContext context) {
        Submission submission = context.submission();
        List<Documents.Passage> sources = Documents.about(submission, SLO_FILE, SLO_HEADING);
        if (sources.isEmpty()) {
            return Verdict.fromFiles(0)
                    .expected(msg("slo.document.expected-document"))
                    .found(msg("slo.document.no-document"))
                    .at(Message.verbatim(submission.root().toString()))
                    .hint(msg("slo.document.hint-document"));
        }
        String text = Wording.normalise(Documents.text(sources));
        String where = Documents.where(submission, sources);
        List<Message> missing = new ArrayList<>();
        for (Sli sli : SLIS) {
            List<String> passages = Markdown.about(text, sli.topic());
            if (passages.stream().noneMatch(p -> sli.target().matcher(p).find())) {
                missing.add(msg("slo.document.no-target", sli.name(), sli.targetText()));
            }
            if (passages.stream().noneMatch(p -> JUSTIFICATION.matcher(p).find()) && !justifiedInItsChapter(text, sli)) {
                missing.add(msg("slo.document.no-why", sli.name()));
            }
        }
        if (Markdown.about(text, ERROR_BUDGET).stream().noneMatch(p -> FIGURE.matcher(p).find())) {
            missing.add(msg("slo.document.no-budget"));
        }
        if (!BURN_RATE.matcher(text).find()) {
            missing.add(msg("slo.document.no-burn-rate"));
        }
        int elements = 2 * SLIS.size() + 2;
        return Verdict.fromFiles(Verdict.share(elements - missing.size(), elements))
                .expected(msg("slo.document.expected"))
                .found(missing.isEmpty() ? msg("slo.document.all", elements)
                        : msg("slo.document.missing", elements - missing.size(), elements, Message.clauses(missing)))
                .at(Message.verbatim(where))
                .hint(missing.isEmpty() ? Message.NONE : msg("slo.document.hint", Message.clauses(missing)))
                .measured(msg("slo.document.all", elements));
    }
}
