package obsgrader.clients;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;

/** The Alertmanager HTTP API (v2) of a booted stack. */
public final class AlertmanagerApi {
    private final URI base;

    public AlertmanagerApi(URI base) {
        this.base = base;
    }

    public URI base() {
        return base;
    }

    public boolean ready() {
        return Http.status(base.resolve("/-/ready")) == 200;
    }

    public JsonNode alerts() {
        return Http.json(given().baseUri(base.toString()).when().get("/api/v2/alerts"));
    }

    public JsonNode status() {
        return Http.json(given().baseUri(base.toString()).when().get("/api/v2/status"));
    }
}
