package obsgrader.checks.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import obsgrader.checks.Fixture;
import obsgrader.checks.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardProvisionedTest {
    private static final String PROVIDERS = "grafana/provisioning/dashboards/dashboards.yml";

    @TempDir
    Path folder;

    private Fixture reference() {
        return new Fixture(folder).withReference("docker-compose.yml").withReference(PROVIDERS)
                .withReference("grafana/dashboards/techshop.json");
    }

    @Test
    void awardsTheReferenceProvisioning() throws Exception {
        Verdict verdict = reference().judge(new DashboardProvisioned());

        assertThat(verdict.full()).as(verdict.reason()).isTrue();
        assertThat(verdict.found()).contains("/var/lib/grafana/dashboards", "grafana/dashboards", "techshop.json");
    }

    @Test
    void aProviderGrafanaNeverReadsIsNoProvider() throws Exception {
        // the provider written under a folder of another name than the one compose mounts on the provisioning path
        String providers = java.nio.file.Files.readString(Fixture.reference().resolve(PROVIDERS));
        Verdict verdict = new Fixture(folder).withReference("docker-compose.yml").withReference("grafana/dashboards/techshop.json")
                .with("grafana/provisionning/dashboards/tableaux.yml", providers)
                .judge(new DashboardProvisioned());

        assertThat(verdict.fraction()).as(verdict.reason()).isEqualTo(1.0 / 3);
        assertThat(verdict.found()).contains("grafana/provisionning/dashboards/tableaux.yml", "Grafana never reads it");
    }

    @Test
    void deductsAProviderPathTheGrafanaServiceDoesNotMount() throws Exception {
        Verdict verdict = reference()
                .with(PROVIDERS, "apiVersion: 1\nproviders:\n  - name: lab\n    options:\n      path: /etc/grafana/dashboards\n")
                .judge(new DashboardProvisioned());

        assertThat(verdict.fraction()).isEqualTo(2.0 / 3);
        assertThat(verdict.found()).contains("/etc/grafana/dashboards is not mounted");
        assertThat(verdict.where()).isEqualTo(PROVIDERS + ":5");
    }

    @Test
    void keepsTheExportedJsonShareWithoutAnyProvider() throws Exception {
        Verdict verdict = new Fixture(folder).withReference("docker-compose.yml")
                .withReference("grafana/dashboards/techshop.json")
                .judge(new DashboardProvisioned());

        assertThat(verdict.fraction()).isEqualTo(1.0 / 3);
        assertThat(verdict.found()).contains("no dashboards provider");
    }

    /** Two exports of one dashboard, the uid kept: Grafana serves one, and says the other conflicts (a calibration trait). */
    @Test
    void twoServedDashboardsWithOneUidAreNotBothServed() throws Exception {
        String techshop = java.nio.file.Files.readString(Fixture.reference().resolve("grafana/dashboards/techshop.json"));
        Verdict verdict = reference().with("grafana/dashboards/techshop-copie.json", techshop).judge(new DashboardProvisioned());

        assertThat(verdict.fraction()).as(verdict.reason()).isEqualTo(2.0 / 3);
        assertThat(verdict.found()).contains("techshop-copie.json", "techshop.json", "carry the same uid", "loads only one");
    }

    @Test
    void dashboardsWithoutUidOrWithTheirOwnAreNoConflict() throws Exception {
        Verdict verdict = reference().with("grafana/dashboards/other.json", """
                {"title": "Other", "uid": "other", "panels": []}
                """).with("grafana/dashboards/no-uid.json", """
                {"title": "No uid", "panels": []}
                """).judge(new DashboardProvisioned());

        assertThat(verdict.full()).as(verdict.reason()).isTrue();
    }
}
