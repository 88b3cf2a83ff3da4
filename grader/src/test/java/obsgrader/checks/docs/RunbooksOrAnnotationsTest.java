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
        assertThat(verdict.found()).contains("runbook_url on 0 of 1 alerts", "no runbook document",
                "no dashboard annotation besides Grafana's built-in one");
    }

    @Test
    void givesTheLineForARunbookFolderAlone() throws Exception {
        Verdict verdict = labRulesOnly().with("docs/runbooks/instance-down.md", "# InstanceDown\nCheck docker ps.\n")
                .judge(new RunbooksOrAnnotations());

        assertThat(verdict.fraction()).as("the rubric asks for links, a runbook, or annotations").isEqualTo(1.0);
        assertThat(verdict.where()).contains("docs/runbooks/instance-down.md");
    }
}
