package obsgrader.checks.slo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import obsgrader.checks.Fixture;
import obsgrader.checks.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SloDocumentCompleteTest {
    /** The lab's own table (part 5.1): targets without a word of why, nor budget, nor burn rate. */
    private static final String LAB_TABLE = """
            # SLOs
            | SLI | SLO | Mesure |
            |---|---|---|
            | Availability | 99.5% | Requêtes non-5xx / Total |
            | Latency P95 | < 300ms | 95% des requêtes sous 300ms |
            | Error Rate | < 1% | Erreurs 5xx / Total |
            """;

    @TempDir
    Path folder;

    @Test
    void awardsTheReferenceSloDocument() throws Exception {
        Verdict verdict = new Fixture(folder).withReference("SLO.md").judge(new SloDocumentComplete());

        assertThat(verdict.full()).as(verdict.reason()).isTrue();
        assertThat(verdict.where()).isEqualTo("SLO.md");
    }

    @Test
    void quotesWhatTheLabsBareTableLacks() throws Exception {
        Verdict verdict = new Fixture(folder).with("docs/slo.md", LAB_TABLE).judge(new SloDocumentComplete());

        assertThat(verdict.fraction()).isEqualTo(3.0 / 8);
        assertThat(verdict.found()).contains("why the availability target", "why the latency target",
                "why the error rate target", "the error budget with a figure", "the burn rate");
    }

    @Test
    void readsAFrenchChapterOfTheReadmeAndWantsAReasonPerSli() throws Exception {
        Verdict verdict = new Fixture(folder).with("README.md", """
                # TechShop

                Lancer avec docker compose up -d.

                ## Objectifs de service (SLO)

                - Disponibilité : 99,5 % des requêtes servies, car un seul serveur sans redondance.
                - Latence : 95 % des requêtes sous 300 ms, afin que la boutique reste fluide.
                - Taux d'erreurs : moins de 1 %.

                Budget d'erreur : 0,5 % de 30 jours, soit 216 min. Le burn rate mesure sa vitesse de consommation.

                ## Alertes
                Voir prometheus/rules.
                """).judge(new SloDocumentComplete());

        assertThat(verdict.fraction()).isEqualTo(7.0 / 8);
        assertThat(verdict.found()).contains("missing: why the error rate target");
        assertThat(verdict.where()).isEqualTo("README.md chapter \"Objectifs de service (SLO)\"");
    }

    @Test
    void givesNothingWithoutAnySloText() throws Exception {
        Verdict verdict = new Fixture(folder).with("README.md", "# TechShop\nRun docker compose up.\n")
                .judge(new SloDocumentComplete());

        assertThat(verdict.fraction()).isZero();
    }

    /**
     * The student's own targets, in their own words (a calibration trait): an availability of 100 %, a success rate
     * for the error SLI, a p99 under a second. Each is a target; the document lacks only its budget and burn rate.
     */
    @Test
    void takesTheStudentsOwnTargetsForTargets() throws Exception {
        Verdict verdict = new Fixture(folder).with("docs/sli-slo.md", """
                # SLI / SLO

                ### SLO 1 — Disponibilité : 100 %
                Une API de production ne doit jamais être DOWN : toute indisponibilité est un incident.

                ### SLO 2 — Taux de succès ≥ 99 %
                Les erreurs 5xx comptent car elles sont côté serveur : l'utilisateur ne peut rien y faire.

                ### SLO 3 — Latence p99 < 1 s
                Une seconde au plus, parce qu'au-delà le client abandonne son panier.
                """).judge(new SloDocumentComplete());

        assertThat(verdict.fraction()).as(verdict.reason()).isEqualTo(6.0 / 8);
        assertThat(verdict.found()).contains("the error budget with a figure", "the burn rate")
                .doesNotContain("SLI with its target");
    }
}
