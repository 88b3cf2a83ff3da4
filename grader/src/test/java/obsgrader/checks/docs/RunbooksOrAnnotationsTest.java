package obsgrader.checks.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import obsgrader.checks.Fixture;
import obsgrader.checks.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunbooksOrAnnotationsTest {
    private static final String LAB_RULE = """
            groups:
              - name: infrastructure
                rules:
                  - alert: InstanceDown
                    expr: up == 0
                    annotations:
                      summary: "Instance {{ $labels.instance }} is down"
            """;
    private static final String BUILT_IN_ANNOTATIONS_ONLY = """
            {"panels": [], "annotations": {"list": [{"builtIn": 1, "name": "Annotations & Alerts", "type": "dashboard"}]}}
            """;

    @TempDir
    Path folder;

    private Fixture labRulesOnly() {
        return new Fixture(folder).withReference("docker-compose.yml").withReference("prometheus/prometheus.yml")
                .with("prometheus/rules/infrastructure.yml", LAB_RULE)
                .with("grafana/dashboards/techshop.json", BUILT_IN_ANNOTATIONS_ONLY);
    }

    @Test
    void awardsTheReferenceRunbookLinksDocumentAndAnnotations() throws Exception {
        Verdict verdict = new Fixture(folder).withReferencePrometheus().withReference("RUNBOOK.md")
                .withReference("grafana/dashboards/techshop.json").judge(new RunbooksOrAnnotations());

        assertThat(verdict.full()).as(verdict.reason()).isTrue();
        assertThat(verdict.found()).contains("\"Firing alerts\" in techshop.json", "runbooks in RUNBOOK.md");
    }

    @Test
    void givesNothingWithoutLinksRunbookOrAnnotations() throws Exception {
        Verdict verdict = labRulesOnly().judge(new RunbooksOrAnnotations());

        assertThat(verdict.fraction()).isZero();
        assertThat(verdict.found()).contains("0 of 1 alerts with a runbook", "no runbook document",
                "no dashboard annotation besides Grafana's built-in one");
    }

    @Test
    void givesTheLineForARunbookFolderAlone() throws Exception {
        Verdict verdict = labRulesOnly().with("docs/runbooks/instance-down.md", "# InstanceDown\nCheck docker ps.\n")
                .judge(new RunbooksOrAnnotations());

        assertThat(verdict.fraction()).as("the rubric asks for links, a runbook, or annotations").isEqualTo(1.0);
        assertThat(verdict.where()).contains("docs/runbooks/instance-down.md");
    }

    @Test
    void numberedStepsInARunbookAnnotationAreTheAlertsRunbook() throws Exception {
        Verdict verdict = labRulesOnly().with("prometheus/rules/infrastructure.yml", """
                groups:
                  - name: infrastructure
                    rules:
                      - alert: InstanceDown
                        expr: up == 0
                        annotations:
                          summary: "Instance {{ $labels.instance }} is down"
                          runbook: |
                            1. Ouvrir le dashboard N2
                            2. docker logs demo-api --tail 100
                            3. Redémarrer le conteneur si besoin
                """).judge(new RunbooksOrAnnotations());

        assertThat(verdict.fraction()).as(verdict.reason()).isEqualTo(1.0);
        assertThat(verdict.found()).contains("1 of 1 alerts with a runbook (1 by an annotation");
    }

    @Test
    void aTroubleshootingChapterAboutTheStackIsNoRunbook() throws Exception {
        Verdict verdict = labRulesOnly().with("README.md", """
                # Stack
                ## Troubleshooting
                - Grafana shows "No data": wait for the next scrape.
                - A target is DOWN: run docker compose ps and read the logs.
                """).judge(new RunbooksOrAnnotations());

        assertThat(verdict.fraction()).isZero();
        assertThat(verdict.found()).contains("troubleshooting chapters that name no alert", "README.md");
    }

    @Test
    void aTroubleshootingChapterNamingTheAlertIsItsRunbook() throws Exception {
        Verdict verdict = labRulesOnly().with("README.md", """
                # Stack
                ## Dépannage
                ### InstanceDown
                1. `docker compose ps` : quel service est arrêté ?
                2. `docker compose logs api`, puis `docker compose up -d api`.
                """).judge(new RunbooksOrAnnotations());

        assertThat(verdict.fraction()).as(verdict.reason()).isEqualTo(1.0);
    }

    @Test
    void anIncidentChapterThatNamesNoAlertIsAThird() throws Exception {
        Verdict verdict = labRulesOnly().with("docs/RAPPORT.md", """
                # Rapport
                ## Gestion d'incident
                Le paiement renvoyait des 503 : nous avons identifié la cause dans les traces, redémarré le service
                et prévenu les utilisateurs.
                """).judge(new RunbooksOrAnnotations());

        assertThat(verdict.fraction()).as(verdict.reason()).isEqualTo(1.0 / 3);
    }

    @Test
    void runbookLinksOnAFewAlertsCountInProportionUpToHalfOfThem() throws Exception {
        StringBuilder rules = new StringBuilder("groups:\n  - name: all\n    rules:\n");
        for (int i = 1; i <= 8; i++) {
            rules.append("      - alert: Alert").append(i).append("\n        expr: up == 0\n")
                    .append(i == 1 ? "        annotations: {runbook_url: \"https://wiki.example/runbooks/a1\"}\n" : "");
        }
        Verdict verdict = labRulesOnly().with("prometheus/rules/infrastructure.yml", rules.toString())
                .judge(new RunbooksOrAnnotations());

        assertThat(verdict.fraction()).as(verdict.reason()).isEqualTo(0.25);
    }
}
