package obsgrader.report;

import static obsgrader.i18n.Message.msg;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import obsgrader.checks.Verdict;
import obsgrader.grading.Mode;
import obsgrader.i18n.Message;
import obsgrader.i18n.Messages;
import obsgrader.report.ScoreCard.CheckScore;
import obsgrader.report.ScoreCard.CriterionScore;
import obsgrader.stack.ComposeSanitiser;
import obsgrader.stack.Limits;
import obsgrader.stack.SubmissionPolicy;
import obsgrader.submission.Submission;
import org.junit.jupiter.api.Test;

class ScoreCardTest {
    private static final Path REFERENCE = Path.of(System.getProperty("obsgrader.reference", "../stack"));

    @Test
    void aFullRunPassesOrFailsOnItsPoints() {
        assertThat(card(Mode.FULL, 70).outcome()).isEqualTo("PASSED");
        assertThat(card(Mode.FULL, 69.5).outcome()).isEqualTo("FAILED");
    }

    @Test
    void aStaticRunLeavesThePassMarkOpenUntilItIsOutOfReach() {
        assertThat(card(Mode.STATIC, 30).outcome()).isEqualTo("open (static: 30 confirmed, up to 90 if every live check passes)");
        assertThat(card(Mode.STATIC, 9).outcome()).isEqualTo("OUT OF REACH (static: at most 69)");
    }

    /** One total, defined once: the criteria's points plus the bonus, at most the maximum; the same in every output. */
    @Test
    void theTotalIsTheCriteriaPlusTheBonusCappedAtTheMaximumTheSameEverywhere() {
        ScoreCard capped = withBonus(97.5, 5);
        assertThat(capped.total()).isEqualTo(100);
        ScoreCard card = withBonus(95, 2.5);
        assertThat(card.total()).isEqualTo(97.5);
        assertThat(card.pointsLine()).isEqualTo("Points 97.5/100");
        String french = ConsoleCard.render(card, Messages.FRENCH);
        assertThat(french).startsWith("=".repeat(78) + "\nobsgrader : student\nNote 97,5/100 : RÉUSSI (seuil 70)\n"
                + "  95 sur les critères + 2,5 de bonus, au plus 100\n").endsWith("\nPoints 97.5/100");
        assertThat(ResultsJson.render(card, Messages.FRENCH).path("score").asDouble()).isEqualTo(97.5);
        assertThat(ResultsJson.render(card, Messages.FRENCH).path("extra_data").path("total").asDouble()).isEqualTo(97.5);
        assertThat(ScoreMarkdown.render(card, Messages.FRENCH)).startsWith("# obsgrader : 97,5/100, réussi\n");
        assertThat(AllureFiles.environment(card, Messages.FRENCH).get("Total")).isEqualTo("Points 97.5/100 — RÉUSSI (95 sur les critères + 2,5 de bonus, au plus 100)");
        // the pass mark is held against the total: a bonus can lift a run over it
        assertThat(withBonus(67.5, 2.5).passed()).isTrue();
    }

    /** What was lost comes first, with its reason, hint and guide section; a bonus not attempted is no minus. */
    @Test
    void theCardSaysWhatWasLostFirstAndABonusNotAttemptedIsNoLoss() {
        ScoreCard card = withBonus(95, 0);
        String french = ConsoleCard.render(card, Messages.FRENCH);
        assertThat(french).contains("Ce qui a coûté des points (5), et pourquoi :\n  -5    lost",
                "        guide : docs/marking-guide.fr.md#c.lost\n")
                .doesNotContain("-2,5").contains("  -     Bonus", "non tenté, aucun point perdu ; pour l'obtenir : add Loki");
        assertThat(french.indexOf("Ce qui a coûté")).isLessThan(french.indexOf("Toutes les lignes du barème"));
        assertThat(ConsoleCard.render(card, Messages.ENGLISH)).contains("        guide: docs/marking-guide.en.md#c.lost\n");
        assertThat(ResultsJson.render(card, Messages.FRENCH).path("tests").get(1).path("extra_data").path("guide").asText())
                .isEqualTo("docs/marking-guide.fr.md#c.lost");
        assertThat(ScoreMarkdown.render(card, Messages.FRENCH)).contains("(docs/marking-guide.fr.md#c.lost)");
    }

    /** A run the machine could not complete is no grade: no points line, no score anywhere a parser could read. */
    @Test
    void aRunThatIsNotGradableHasNoPointsAnywhere() {
        List<CheckScore> checks = List.of(new CheckScore("c", "c.kept", "kept", 5, 5, Verdict.live(1)),
                new CheckScore("c", "c.live", "live", 0, 95, Verdict.notAssessed(Message.literal("machine: no Docker engine answers"))));
        ScoreCard card = new ScoreCard("student", "test", 70, Mode.FULL, Instant.now(), Duration.ZERO, "no Docker engine answers",
                Map.of(), List.of(new CriterionScore("c", "criterion", 100, checks)), List.of(), 0);
        String french = ConsoleCard.render(card, Messages.FRENCH);
        assertThat(french).doesNotContain("Points ", "Note ").contains("NON NOTABLE : no Docker engine answers\nCe n'est pas une note")
                .endsWith("NON NOTABLE : no Docker engine answers").contains("  n.é.  live\n");
        // the machine's failure is said at the top and at the end, not again on every line it left unassessed
        assertThat(french.split("no Docker engine answers", -1)).hasSize(3);
        JsonNode json = ResultsJson.render(card, Messages.FRENCH);
        assertThat(json.has("score")).isFalse();
        assertThat(json.path("gradable").asBoolean(true)).isFalse();
        assertThat(json.path("tests")).allSatisfy(test -> assertThat(test.has("score")).isFalse());
        assertThat(json.path("extra_data").has("total")).isFalse();
        assertThat(ScoreMarkdown.render(card, Messages.FRENCH)).startsWith("# obsgrader : NON NOTABLE (pas de note)\n")
                .doesNotContain("/100");
    }

    /** The header's notes as a live run makes them (the policy's and the sanitiser's on the reference). */
    @Test
    void theEnvironmentNotesAreWrittenInTheRunsLanguageUnderTheirIds() {
        Map<String, Message> notes = new LinkedHashMap<>();
        notes.put("allowed", Message.clauses(new SubmissionPolicy(List.of(REFERENCE))
                .allowedExceptions(Submission.load(REFERENCE).compose().orElseThrow())));
        notes.put("engine", Message.verbatim("Docker Engine 20.10.24+dfsg1 (API 1.41)"));
        notes.put("nginx:alpine", msg("grader.note.stand-in", "nginx 1.22 (Debian)"));
        notes.put("cadvisor", msg("grader.note.left-out", msg("grader.note.not-available", "gcr.io/cadvisor/cadvisor")));
        notes.put("offline", msg("grader.note.offline"));
        notes.put("egress not cut", msg("grader.egress.no-iptables"));
        ComposeSanitiser sanitiser = new ComposeSanitiser("run1", Map.of(), new Limits("768m", 1.0, 512, "10m"));
        sanitiser.sanitise(Submission.load(REFERENCE).compose().orElseThrow());
        notes.put("sanitised", Message.clauses(sanitiser.changes()));
        ScoreCard card = card(Mode.FULL, 40, notes);

        String french = ConsoleCard.render(card, Messages.FRENCH);
        // after the score, grouped: what limited the grading, the compose file as it ran, the machine, the images
        assertThat(french).contains("Ce qui a limité la notation :\n",
                "  cadvisor : laissé de côté : gcr.io/cadvisor/cadvisor ne peut être ni téléchargée ni construite sur cette machine\n",
                "  hors ligne : cette machine n'a pu ni construire ni télécharger",
                "Le fichier compose tel qu'il a tourné :\n", "  autorisé :\n",
                "    node-exporter : /proc de l'hôte remplacé par celui du conteneur (les métriques de node-exporter sans les fichiers de l'hôte)\n",
                "  copie assainie :\n", "    chaque service : au plus 768m de mémoire, 1 CPU, 512 processus, 10m de journal\n",
                "La machine :\n", "  moteur : Docker Engine 20.10.24+dfsg1 (API 1.41)\n",
                "  trafic sortant non coupé : pas d'iptables sur cette machine",
                "  nginx:alpine → nginx 1.22 (Debian)\n")
                .doesNotContain("stand-in", "read-only", "left out");
        assertThat(french.indexOf("Note 40/100")).isLessThan(french.indexOf("Ce qui a limité la notation"));
        // a sentence said of every service is said once, with the services' names
        assertThat(french.split("container_name", -1)).hasSize(2);
        assertThat(french).containsPattern("    [a-z-]+(, [a-z-]+){5,} : container_name retiré");
        assertThat(ScoreMarkdown.render(card, Messages.FRENCH)).contains("- moteur : Docker Engine 20.10.24+dfsg1 (API 1.41)\n",
                "- nginx:alpine → nginx 1.22 (Debian)\n");
        assertThat(AllureFiles.environment(card, Messages.FRENCH)).containsEntry("nginx:alpine", "image de remplacement : nginx 1.22 (Debian)")
                .containsKey("trafic sortant non coupé");
        // a batch reads the notes by their ids: those stay, only what they say is French
        JsonNode environment = ResultsJson.render(card, Messages.FRENCH).path("extra_data").path("environment");
        assertThat(environment.path("offline").asText()).startsWith("cette machine n'a pu");
        assertThat(environment.path("cadvisor").asText()).startsWith("laissé de côté : ");
        assertThat(ConsoleCard.render(card, Messages.ENGLISH)).contains("    node-exporter: the host's /proc replaced by the container's own",
                "  nginx:alpine → nginx 1.22 (Debian)\n", "  egress not cut: no iptables on this machine");
    }

    /** A full run: a line kept, a line losing 5 with a hint, a criteria total of {@code points}, and a bonus line. */
    private static ScoreCard withBonus(double points, double bonus) {
        List<CheckScore> checks = List.of(
                new CheckScore("c", "c.kept", "kept", points - 45, points - 45, Verdict.live(1)),
                new CheckScore("c", "c.lost", "lost", 45, 50, Verdict.live(0.9).hint(Message.literal("fix it"))));
        List<CheckScore> bonusChecks = List.of(new CheckScore("bonus", "bonus.loki", "Bonus", bonus, 5,
                Verdict.fromFiles(bonus / 5).hint(Message.literal("add Loki"))));
        return new ScoreCard("student", "test", 70, Mode.FULL, Instant.now(), Duration.ZERO, null, Map.of(),
                List.of(new CriterionScore("c", "criterion", 100, checks)), bonusChecks, 10);
    }

    private static ScoreCard card(Mode mode, double points) {
        return card(mode, points, Map.of());
    }

    /** A card of two checks: a static one worth 40 with {@code points}, and a live one worth 60 not assessed. */
    private static ScoreCard card(Mode mode, double points, Map<String, Message> environment) {
        List<CheckScore> checks = List.of(
                new CheckScore("c", "c.files", "files", points, 40, Verdict.fromFiles(points / 40)),
                new CheckScore("c", "c.live", "live", 0, 60, Verdict.notAssessed(Message.literal("static mode"))));
        return new ScoreCard("student", "test", 70, mode, Instant.now(), Duration.ZERO, null, environment,
                List.of(new CriterionScore("c", "criterion", 100, checks)), List.of(), 0);
    }
}
