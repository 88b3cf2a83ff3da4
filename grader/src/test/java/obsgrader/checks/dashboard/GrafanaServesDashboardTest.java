package obsgrader.checks.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import obsgrader.checks.Fixture;
import obsgrader.checks.Verdict;
import obsgrader.clients.GrafanaApi;
import obsgrader.clients.RecordedGrafana;
import obsgrader.submission.Submission;
import org.junit.jupiter.api.Test;

/**
 * dashboard.grafana-live against Grafana's documented answers (src/test/resources/grafana-api), served for the
 * reference, whose compose file sets the admin password admin123.
 */
class GrafanaServesDashboardTest {
    private static final Submission REFERENCE = Submission.load(Fixture.reference());
    /** Ample for the first request of a JVM (rest-assured warms up for a second or two); the answers are immediate. */
    private final GrafanaServesDashboard check = new GrafanaServesDashboard(Duration.ofSeconds(10), Duration.ofSeconds(2));

    private Verdict judge(RecordedGrafana grafana, String password) {
        return check.judge(new GrafanaApi(grafana.base(), "admin", password), "grafana", REFERENCE);
    }

    @Test
    void theReferenceProvisioningServedAsDocumentedEarnsEveryPart() {
        try (RecordedGrafana grafana = RecordedGrafana.withAdmin("admin", "admin123")) {
            Verdict verdict = judge(grafana, "admin123");

            assertThat(verdict.fraction()).as(verdict.found()).isEqualTo(1.0);
            assertThat(verdict.found()).contains("datasource \"Prometheus\" answers", "dashboard \"TechShop\" served", "provisioned");
        }
    }

    @Test
    void aFailingDatasourceHealthCostsItsPartAndQuotesGrafana() {
        try (RecordedGrafana grafana = RecordedGrafana.withAdmin("admin", "admin123")
                .answer("/api/datasources/uid/prometheus/health", "datasource-health-error.json")) {
            Verdict verdict = judge(grafana, "admin123");

            assertThat(verdict.fraction()).isEqualTo(0.75);
            assertThat(verdict.found()).contains("fails its health check", "no such host");
        }
    }

    @Test
    void aDashboardServedNeitherByUidNorThroughSearchCostsTwoParts() {
        try (RecordedGrafana grafana = RecordedGrafana.withAdmin("admin", "admin123")
                .answer("/api/dashboards/uid/techshop", "dashboard-not-found.json")) {
            Verdict verdict = judge(grafana, "admin123");

            assertThat(grafana.asked()).anyMatch(path -> path.startsWith("/api/search?type=dash-db"));
            assertThat(verdict.found()).contains("no exported dashboard is served");
            assertThat(verdict.fraction()).isEqualTo(0.5);
        }
    }

    @Test
    void aRefusedLoginKeepsTheHealthyPartAndSaysWhichSettingsTheGraderUses() {
        try (RecordedGrafana grafana = RecordedGrafana.withAdmin("admin", "admin123")) {
            Verdict verdict = judge(grafana, "wrong");

            assertThat(verdict.fraction()).as(verdict.found()).isEqualTo(0.25);
            assertThat(verdict.found()).contains("HTTP 401");
            assertThat(verdict.hint()).contains("GF_SECURITY_ADMIN_PASSWORD");
        }
    }

    @Test
    void aGrafanaThatNeverAnswersScoresNothing() {
        Verdict verdict = new GrafanaServesDashboard(Duration.ofSeconds(1), Duration.ofSeconds(1))
                .judge(new GrafanaApi(URI.create("http://127.0.0.1:9"), "admin", "x"), "grafana", REFERENCE);

        assertThat(verdict.fraction()).isZero();
        assertThat(verdict.expected()).contains("/api/health");
    }
}
