package obsgrader.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The client against Grafana's documented answers (src/test/resources/grafana-api). */
class GrafanaApiTest {

    @Test
    void readsEachDocumentedAnswer() {
        try (RecordedGrafana grafana = RecordedGrafana.withAdmin("admin", "secret")) {
            GrafanaApi api = new GrafanaApi(grafana.base(), "admin", "secret");

            assertThat(api.healthy()).isTrue();
            assertThat(api.datasources()).extracting(d -> d.path("type").asText()).containsExactly("prometheus", "alertmanager");
            assertThat(api.datasourceHealth("prometheus").path("status").asText()).isEqualTo("OK");
            assertThat(api.searchDashboards("TechShop").get(0).path("uid").asText()).isEqualTo("techshop");
            assertThat(api.dashboard("techshop").path("meta").path("provisioned").asBoolean()).isTrue();
            assertThat(grafana.asked()).contains("/api/search?type=dash-db&query=TechShop");
        }
    }

    @Test
    void anUnknownDashboardHasNoMeta() {
        try (RecordedGrafana grafana = RecordedGrafana.withAdmin("admin", "secret")) {
            GrafanaApi api = new GrafanaApi(grafana.base(), "admin", "secret");

            assertThat(api.dashboard("nope").has("meta")).isFalse();
            assertThat(api.dashboard("nope").path("message").asText()).isEqualTo("Dashboard not found");
        }
    }

    @Test
    void aRefusedLoginIsSaidAsSuchAndHealthNeedsNone() {
        try (RecordedGrafana grafana = RecordedGrafana.withAdmin("admin", "secret")) {
            GrafanaApi api = new GrafanaApi(grafana.base(), "admin", "wrong");

            assertThat(api.healthy()).isTrue();
            assertThatThrownBy(api::datasources).isInstanceOf(GrafanaApi.LoginRefused.class)
                    .hasMessage("Grafana refused the login of admin (HTTP 401: Unauthorized)");
        }
    }
}
