package obsgrader.submission;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionTest {
    @TempDir
    Path folder;

    private void write(String path, String text) throws IOException {
        Path file = folder.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void findsConfigsAndRuleFilesThroughTheContainersMounts() throws IOException {
        write("docker-compose.yml", """
                services:
                  prom:
                    image: prom/prometheus:v2.47.0
                    volumes:
                      - ./monitoring/prom.yml:/etc/prometheus/prometheus.yml
                      - ./monitoring/alerts:/etc/prometheus/rules
                """);
        write("monitoring/prom.yml", "rule_files:\n  - /etc/prometheus/rules/*.yml\n  - /etc/prometheus/other/*.yml\n");
        write("monitoring/alerts/a.yml", "groups: []\n");
        write("monitoring/alerts/b.yml", "groups: []\n");
        write("monitoring/alerts/notes.txt", "");

        Submission submission = Submission.load(folder);

        assertThat(submission.prometheusConfig()).contains(folder.resolve("monitoring/prom.yml"));
        assertThat(submission.ruleFiles()).containsExactly(
                folder.resolve("monitoring/alerts/a.yml"), folder.resolve("monitoring/alerts/b.yml"));
        assertThat(submission.ruleFileGlobs().get("/etc/prometheus/other/*.yml")).isEmpty();
    }

    @Test
    void reportsTheLineOfAComposeFileThatIsNotYaml() throws IOException {
        write("docker-compose.yml", "services:\n  api:\n    image: [unclosed\n");

        Submission submission = Submission.load(folder);

        assertThat(submission.compose()).isEmpty();
        assertThat(submission.invalidFiles()).singleElement()
                .satisfies(invalid -> assertThat(invalid.line()).isGreaterThan(1));
    }

    @Test
    void recognisesTheLabServicesByImageWhateverTheirNames() throws IOException {
        write("docker-compose.yml", """
                services:
                  metrics-db:
                    image: docker.io/prom/prometheus:latest
                  shop-api:
                    build: ./app
                  web:
                    image: nginx:1.25
                  web-exporter:
                    image: nginx/nginx-prometheus-exporter:1.1
                """);

        ComposeFile compose = Submission.load(folder).compose().orElseThrow();

        assertThat(compose.serviceFor(LabRole.PROMETHEUS)).contains("metrics-db");
        assertThat(compose.serviceFor(LabRole.API)).contains("shop-api");
        assertThat(compose.serviceFor(LabRole.NGINX)).contains("web");
        assertThat(compose.serviceFor(LabRole.NGINX_EXPORTER)).contains("web-exporter");
        assertThat(compose.serviceFor(LabRole.GRAFANA)).isEmpty();
    }
}
