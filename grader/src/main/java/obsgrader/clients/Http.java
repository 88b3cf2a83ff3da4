package obsgrader.clients;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.config.HttpClientConfig;
import io.restassured.filter.Filter;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import obsgrader.submission.Yaml;

/**
 * Every request of the grader's clients starts here, with its own explicit timeouts (connect, read, waiting
 * for a pooled connection), so that a hanging service costs seconds, not the run. The configuration is an
 * immutable value given to each request: rest-assured's process-wide default is never written.
 */
final class Http {
    static final int TIMEOUT_MS = 10_000;
    private static final RestAssuredConfig TIMEOUTS = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", TIMEOUT_MS)
            .setParam("http.socket.timeout", TIMEOUT_MS)
            .setParam("http.connection-manager.timeout", (long) TIMEOUT_MS));

    private Http() {
    }

    /**
     * Turns the stack's silence into {@link NoAnswer} where it happens: rest-assured lets the connection's own
     * {@link IOException} through undeclared (refused, reset, timed out), which would otherwise be told from the
     * grader's own I/O failures only by guessing.
     */
    private static final Filter SILENCE = (request, response, context) -> {
        try {
            return context.next(request, response);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw NoAnswer.silent(request.getMethod() + " " + request.getURI(), e);
        }
    };

    /** A request with the grader's timeouts; rest-assured's {@code given()}, never called bare. */
    static RequestSpecification request() {
        return given().config(TIMEOUTS).filter(SILENCE);
    }

    static int status(URI uri) {
        try {
            return request().when().get(uri).statusCode();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** {@code GET base + path}, read as JSON. */
    static JsonNode getJson(URI base, String path) {
        return json(request().baseUri(base.toString()).when().get(path));
    }

    static JsonNode json(Response response) {
        try {
            return Yaml.JSON.readTree(response.asByteArray());
        } catch (IOException e) {
            throw NoAnswer.unusable("HTTP " + response.statusCode(), "not JSON");
        }
    }
}
