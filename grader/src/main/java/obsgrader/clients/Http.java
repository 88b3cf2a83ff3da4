package obsgrader.clients;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import obsgrader.submission.Yaml;

/** rest-assured set up once for grading: short timeouts, so a hanging service costs seconds, not the run. */
final class Http {
    static final int TIMEOUT_MS = 10_000;

    static {
        RestAssured.config = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", TIMEOUT_MS)
                .setParam("http.socket.timeout", TIMEOUT_MS)
                .setParam("http.connection-manager.timeout", (long) TIMEOUT_MS));
    }

    private Http() {
    }

    static int status(URI uri) {
        try {
            return given().when().get(uri).statusCode();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** {@code GET base + path}, read as JSON. */
    static JsonNode getJson(URI base, String path) {
        return json(given().baseUri(base.toString()).when().get(path));
    }

    static JsonNode json(Response response) {
        try {
            return Yaml.JSON.readTree(response.asByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON (HTTP " + response.statusCode() + ")", e);
        }
    }
}
