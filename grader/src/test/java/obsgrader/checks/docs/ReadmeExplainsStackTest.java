package obsgrader.checks.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import obsgrader.checks.Fixture;
import obsgrader.checks.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadmeExplainsStackTest {
    @TempDir
    Path folder;

    @Test
    void awardsTheReferenceReadme() throws Exception {
        Verdict verdict = new Fixture(folder).withReference("README.md").judge(new ReadmeExplainsStack());

        assertThat(verdict.full()).as(verdict.reason()).isTrue();
    }

    @Test
    void acceptsAFrenchReadme() throws Exception {
        Verdict verdict = new Fixture(folder).with("README.md", """
                # TechShop supervisé
                Lancer : `docker-compose up -d`.
                Prometheus collecte les cibles (exporters node, redis, postgres), Grafana affiche le tableau de bord,
                Alertmanager reçoit les alertes.
                """).judge(new ReadmeExplainsStack());

        assertThat(verdict.full()).as(verdict.reason()).isTrue();
    }

    @Test
    void deductsAReadmeWithoutRunInstructionsNorMonitoringDescription() throws Exception {
        Verdict verdict = new Fixture(folder).with("README.md", "# TechShop\n\nStart it with ./start.sh. Uses Prometheus.\n")
                .judge(new ReadmeExplainsStack());

        assertThat(verdict.fraction()).isEqualTo(0.5 / 4);
        assertThat(verdict.found()).contains("no 'docker compose up' instructions", "1 of 5 topics");
        assertThat(verdict.hint()).contains("docker compose up -d", "alerts");
    }

    @Test
    void readsWhatIsMonitoredInTheOpeningListBeforeTheChapters() throws Exception {
        Verdict verdict = new Fixture(folder).with("README.md", """
                # Projet supervision

                Ce dépôt supervise notre API Flask avec :
                - Prometheus (collecte des métriques, règles d'alerte)
                - Grafana (tableaux de bord)
                - Alertmanager (notifications)
                - node-exporter (machine hôte)

                ## Accès
                - http://localhost:3000

                ## Lancer
                `docker compose up -d --build`
                """).judge(new ReadmeExplainsStack());

        assertThat(verdict.full()).as(verdict.reason()).isTrue();
    }
}
