package obsgrader.checks.bonus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import obsgrader.checks.Fixture;
import obsgrader.checks.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomWebhooksTest {
    private static final String ALERTMANAGER = "alertmanager/alertmanager.yml";

    @TempDir
    Path folder;

    @Test
    void awardsTheReferenceWebhookReceiver() throws Exception {
        Verdict verdict = new Fixture(folder).withReference("docker-compose.yml").withReference(ALERTMANAGER)
                .judge(new CustomWebhooks());

        assertThat(verdict.full()).as(verdict.reason()).isTrue();
        assertThat(verdict.found()).contains("http://webhook:5001/alerts");
    }

    @Test
    void givesNothingToAWebhookThatReachesNoReceiver() throws Exception {
        Verdict verdict = new Fixture(folder).withReference("docker-compose.yml")
                .with(ALERTMANAGER, """
                        route:
                          receiver: default
                        receivers:
                          - name: default
                          - name: hooks
                            webhook_configs:
                              - url: http://localhost:5001/alerts
                                send_resolved: false
                        """)
                .judge(new CustomWebhooks());

        assertThat(verdict.fraction()).as("a webhook to the Alertmanager container itself reaches no receiver").isZero();
        assertThat(verdict.found()).contains("no route sends to it", "localhost is neither a service", "send_resolved: false");
        assertThat(verdict.where()).isEqualTo(ALERTMANAGER + ":7");
    }

    @Test
    void acceptsAnOutsideReceiverAndTheDefaultSendResolved() throws Exception {
        Verdict verdict = new Fixture(folder).withReference("docker-compose.yml")
                .with(ALERTMANAGER, """
                        route:
                          receiver: default
                          routes:
                            - receiver: chat
                        receivers:
                          - name: default
                          - name: chat
                            webhook_configs:
                              - url: https://hooks.example.org/T000/B000
                        """)
                .judge(new CustomWebhooks());

        assertThat(verdict.full()).as(verdict.reason()).isTrue();
    }
}
