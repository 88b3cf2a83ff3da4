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
        assertThat(french).contains("  * autorisé : node-exporter : /proc de l'hôte remplacé par celui du conteneur (les métriques de node-exporter sans les fichiers de l'hôte) ;",
                "  * moteur : Docker Engine 20.10.24+dfsg1 (API 1.41)\n",
                "  * nginx:alpine : image de remplacement : nginx 1.22 (Debian)\n",
                "  * cadvisor : laissé de côté : gcr.io/cadvisor/cadvisor ne peut être ni téléchargée ni construite sur cette machine\n",
                "  * hors ligne : cette machine n'a pu ni construire ni télécharger",
                "  * trafic sortant non coupé : pas d'iptables sur cette machine",
                "  * copie assainie : ", "chaque service : au plus 768m de mémoire, 1 CPU, 512 processus, 10m de journal\n")
                .doesNotContain("stand-in", "read-only", "left out");
        assertThat(ScoreMarkdown.render(card, Messages.FRENCH)).contains("- `moteur` : Docker Engine 20.10.24+dfsg1 (API 1.41)\n",
                "- `nginx:alpine` : image de remplacement : nginx 1.22 (Debian)\n");
        assertThat(AllureFiles.environment(card, Messages.FRENCH)).containsEntry("nginx:alpine", "image de remplacement : nginx 1.22 (Debian)")
                .containsKey("trafic sortant non coupé");
        // a batch reads the notes by their ids: those stay, only what they say is French
        JsonNode environment = ResultsJson.render(card, Messages.FRENCH).path("extra_data").path("environment");
        assertThat(environment.path("offline").asText()).startsWith("cette machine n'a pu");
        assertThat(environment.path("cadvisor").asText()).startsWith("laissé de côté : ");
        assertThat(ConsoleCard.render(card, Messages.ENGLISH)).contains("  * allowed: node-exporter: the host's /proc replaced by the container's own",
                "  * nginx:alpine: stand-in: nginx 1.22 (Debian)\n", "  * egress not cut: no iptables on this machine");
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
