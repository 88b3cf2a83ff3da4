package obsgrader.clients;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import obsgrader.i18n.Message;

/**
 * The Grafana HTTP API of a booted stack, as the admin user (basic auth). A refused login (401) is thrown as
 * {@link LoginRefused}, not read as an empty answer: it says the grader has the wrong password, not that the
 * datasource or the dashboard is missing.
 */
public final class GrafanaApi {
    /** Grafana answered 401 to the admin login the compose file sets up. */
    public static final class LoginRefused extends RuntimeException {
        private final transient Message reason;

        LoginRefused(String user, String answer) {
            reason = msg("grader.grafana.login-refused", user, answer);
        }

        /** Why, in the report's language, quoting Grafana's answer. */
        public Message reason() {
            return reason;
        }

        @Override
        public String getMessage() {
            return reason.toString();
        }
    }

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
        return json(admin().get("/api/datasources"));
    }

    /** {@code GET /api/datasources/uid/<uid>/health}: Grafana queries the datasource; {@code status} is "OK" when it answers. */
    public JsonNode datasourceHealth(String uid) {
        return json(admin().get("/api/datasources/uid/{uid}/health", uid));
    }

    /** {@code GET /api/search?type=dash-db&query=<title>}: the dashboards whose title contains the text. */
    public JsonNode searchDashboards(String title) {
        return json(admin().queryParam("type", "dash-db").queryParam("query", title).get("/api/search"));
    }

    /** {@code GET /api/dashboards/uid/<uid>}: the dashboard and its {@code meta} (no {@code meta} when there is none). */
    public JsonNode dashboard(String uid) {
        return json(admin().get("/api/dashboards/uid/{uid}", uid));
    }

    private JsonNode json(Response response) {
        JsonNode body = Http.json(response);
        if (response.statusCode() == 401) {
            throw new LoginRefused(user, body.path("message").asText("no message"));
        }
        return body;
    }

    private RequestSpecification admin() {
        return Http.request().baseUri(base.toString()).auth().preemptive().basic(user, password).when();
    }
}
