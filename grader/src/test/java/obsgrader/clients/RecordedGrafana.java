package obsgrader.clients;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import obsgrader.submission.Yaml;

/**
 * A local HTTP server answering as Grafana does, from the recorded answers of {@code src/test/resources/grafana-api}
 * (each saying which page of Grafana's documentation it follows). Every path but {@code /api/health} wants the
 * admin login it was made with, and answers {@code unauthorized.json} otherwise, as Grafana does.
 */
public final class RecordedGrafana implements AutoCloseable {
    private final HttpServer server;
    private final String authorization;
    private final Map<String, String> answers = new LinkedHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();

    private RecordedGrafana(String user, String password) throws IOException {
        authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
    }

    /** Grafana with the reference's provisioning: healthy, its Prometheus datasource answering, the dashboard provisioned. */
    public static RecordedGrafana withAdmin(String user, String password) {
        try {
            RecordedGrafana grafana = new RecordedGrafana(user, password);
            grafana.answer("/api/health", "health.json")
                    .answer("/api/datasources", "datasources.json")
                    .answer("/api/datasources/uid/prometheus/health", "datasource-health-ok.json")
                    .answer("/api/search", "search.json")
                    .answer("/api/dashboards/uid/techshop", "dashboard.json");
            grafana.server.start();
            return grafana;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers a path (without its query) with a recorded answer instead. */
    public RecordedGrafana answer(String path, String recording) {
        answers.put(path, recording);
        return this;
    }

    public URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** The paths asked, with their queries, in order. */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    /** A recorded answer's body. */
    public static JsonNode body(String recording) {
        return recording(recording).path("body");
    }

    private static JsonNode recording(String name) {
        try (InputStream in = RecordedGrafana.class.getResourceAsStream("/grafana-api/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded Grafana answer " + name);
            }
            return Yaml.JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        asked.add(exchange.getRequestURI().toString());
        boolean loggedIn = authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"));
        String name = !path.equals("/api/health") && !loggedIn ? "unauthorized.json"
                : answers.getOrDefault(path, "dashboard-not-found.json");
        JsonNode recorded = recording(name);
        byte[] body = Yaml.JSON.writeValueAsBytes(recorded.path("body"));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(recorded.path("status").asInt(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
