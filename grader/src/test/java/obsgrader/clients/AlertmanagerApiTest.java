package obsgrader.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AlertmanagerApiTest {
    private static final String METRICS = """
            # HELP alertmanager_notifications_total The total number of attempted notifications.
            # TYPE alertmanager_notifications_total counter
            alertmanager_notifications_total{integration="email"} 0
            alertmanager_notifications_total{integration="webhook"} 3
            alertmanager_notifications_total{integration="webhook",receiver_name="team-critical"} 2
            alertmanager_notifications_failed_total{integration="webhook"} 1
            """;

    @Test
    void countersAreSummedByTheLabelAsked() throws IOException {
        HttpServer alertmanager = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        alertmanager.createContext("/metrics", exchange -> {
            byte[] body = METRICS.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        alertmanager.start();
        try {
            AlertmanagerApi api = new AlertmanagerApi(URI.create("http://127.0.0.1:" + alertmanager.getAddress().getPort()));

            assertThat(api.counterBy("alertmanager_notifications_total", "integration"))
                    .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("email", 0.0, "webhook", 5.0));
            assertThat(api.counterBy("alertmanager_notifications_failed_total", "integration")).containsEntry("webhook", 1.0);
        } finally {
            alertmanager.stop(0);
        }
    }
}
