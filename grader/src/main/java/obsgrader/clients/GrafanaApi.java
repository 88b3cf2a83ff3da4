package obsgrader.clients;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.specification.RequestSpecification;
import java.net.URI;

/** The Grafana HTTP API of a booted stack, as the admin user (basic auth). */
public final class GrafanaApi {
    private final URI base;
    private final String user;
    private final String password;

    public GrafanaApi(URI base, String user, String password) {
        this.base = base;
        this.user = user;
        this.password = password;
    }

    public URI base() {
        return base;
    }

    /** {@code GET /api/health} answers 200 once the server and its database are up (no login needed). */
    public boolean healthy() {
        return Http.status(base.resolve("/api/health")) == 200;
    }

    /** {@code GET /api/datasources}: every datasource, provisioned or not. */
    public JsonNode datasources() {
        return Http.json(admin().get("/api/datasources"));
    }

    /** {@code GET /api/datasources/uid/<uid>/health}: Grafana queries the datasource; {@code status} is "OK" when it answers. */
    public JsonNode datasourceHealth(String uid) {
        return Http.json(admin().get("/api/datasources/uid/{uid}/health", uid));
    }

    /** {@code GET /api/search?type=dash-db&query=<title>}: the dashboards whose title contains the text. */
    public JsonNode searchDashboards(String title) {
        return Http.json(admin().queryParam("type", "dash-db").queryParam("query", title).get("/api/search"));
    }

    /** {@code GET /api/dashboards/uid/<uid>}: the dashboard and its {@code meta} (no {@code meta} when there is none). */
    public JsonNode dashboard(String uid) {
        return Http.json(admin().get("/api/dashboards/uid/{uid}", uid));
    }

    private RequestSpecification admin() {
        return given().baseUri(base.toString()).auth().preemptive().basic(user, password).when();
    }
}
