package obsgrader.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A submission read as its containers see it, whatever way compose puts the files there. */
class ContainerViewTest {
    @TempDir
    Path folder;

    private void write(String path, String text) throws IOException {
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void singleFileMountsConfigsAndDotEnvVariablesLeadToTheFilesPrometheusReads() throws IOException {
        write(".env", "PROM_CONFIG=./monitoring/prom.yml\n");
        write("docker-compose.yml", """
                services:
                  metrics:
                    image: prom/prometheus:v2.50.0
                    command: ["--config.file=/config/prom.yml"]
                    configs:
                      - source: prom
                        target: /config/prom.yml
                    volumes:
                      - ./monitoring/alerts.yml:/config/rules/alerts.yml:ro
                      - type: bind
                        source: ./monitoring/slo
                        target: /config/rules/slo
                configs:
                  prom:
                    file: ${PROM_CONFIG:-./prometheus.yml}
                """);
        write("monitoring/prom.yml", "rule_files: ['rules/*.yml', '/config/rules/slo/*.yml', '/etc/nowhere/*.yml']\n");
        write("monitoring/alerts.yml", "groups: []\n");
        write("monitoring/slo/slo.yml", "groups: []\n");

        Submission submission = Submission.load(folder);

        assertThat(submission.prometheusConfig()).contains(folder.resolve("monitoring/prom.yml"));
        assertThat(submission.ruleFileGlobs()).containsEntry("rules/*.yml", java.util.List.of(folder.resolve("monitoring/alerts.yml")))
                .containsEntry("/config/rules/slo/*.yml", java.util.List.of(folder.resolve("monitoring/slo/slo.yml")))
                .containsEntry("/etc/nowhere/*.yml", java.util.List.of());
    }

    @Test
    void theApiIsKnownByItsCodeAndItsReplicasAllCountAsTheApi() throws IOException {
        write("docker-compose.yml", """
                x-shop: &shop
                  build: ./order-service
                services:
                  order-service-1:
                    <<: *shop
                  order-service-2:
                    <<: *shop
                  webhook:
                    build: ./hooks
                  gateway:
                    image: nginx:1.25
                """);
        write("order-service/Dockerfile", "FROM python:3.12-slim\nEXPOSE 8000\nCMD [\"uvicorn\", \"main:app\", \"--port\", \"8000\"]\n");
        write("order-service/main.py", "from fastapi import FastAPI\napp = FastAPI()\n@app.get('/api/products')\ndef products(): return []\n");
        write("hooks/Dockerfile", "FROM python:3.12-slim\n");
        write("hooks/hook.py", "import requests\nrequests.post('http://x/api/order')\n");

        ComposeFile compose = Submission.load(folder).compose().orElseThrow();

        assertThat(compose.servicesFor(LabRole.API)).containsExactly("order-service-1", "order-service-2");
        assertThat(compose.serviceFor(LabRole.NGINX)).contains("gateway");
        assertThat(compose.portsOf("order-service-1")).contains(8000);
        assertThat(compose.roleOf("webhook")).isEmpty();
    }
}
