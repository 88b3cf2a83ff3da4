package obsgrader.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import obsgrader.i18n.Message;
import obsgrader.submission.Submission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComposeSanitiserTest {
    private static final Limits LIMITS = new Limits("512m", 0.5, 100, "1m");
    @TempDir
    Path folder;

    private JsonNode sanitise(String compose, Map<String, Message> leftOut) throws IOException {
        Files.writeString(folder.resolve("docker-compose.yml"), compose);
        return new ComposeSanitiser("run1", leftOut, LIMITS).sanitise(Submission.load(folder).compose().orElseThrow())
                .path("services");
    }

    @Test
    void dropsContainerNamesButKeepsThemAsNetworkAliases() throws IOException {
        JsonNode services = sanitise("""
                services:
                  api:
                    image: nginx:alpine
                    container_name: techshop-api
                  db:
                    image: postgres
                    container_name: techshop-db
                    networks: [back, front]
                """, Map.of());

        assertThat(services.path("api").has("container_name")).isFalse();
        assertThat(services.path("api").path("networks").path("default").path("aliases").get(0).asText())
                .isEqualTo("techshop-api");
        assertThat(services.path("db").path("networks").path("back").path("aliases").get(0).asText())
                .isEqualTo("techshop-db");
        assertThat(services.path("db").path("networks").path("front").path("aliases").get(0).asText())
                .isEqualTo("techshop-db");
    }

    @Test
    void publishesEveryPortOnAnEphemeralLoopbackPort() throws IOException {
        JsonNode services = sanitise("""
                services:
                  web:
                    image: nginx:alpine
                    ports:
                      - "80:80"
                      - "0.0.0.0:9090:9090"
                      - 5000
                      - "8125:8125/udp"
                      - target: 3000
                        published: 3000
                """, Map.of());

        assertThat(services.path("web").path("ports")).extracting(JsonNode::asText)
                .containsExactly("127.0.0.1::80", "127.0.0.1::9090", "127.0.0.1::5000", "127.0.0.1::8125/udp",
                        "127.0.0.1::3000");
    }

    @Test
    void theStudentsDeployLimitsGiveWayToTheGradersSoThatBothComposeFlavoursAcceptTheCopy() throws IOException {
        JsonNode services = sanitise("""
                services:
                  api:
                    image: python:3.11-slim
                    deploy:
                      replicas: 1
                      resources:
                        limits: {cpus: '0.5', memory: 256M, pids: 100}
                        reservations: {memory: 128M}
                """, Map.of());

        assertThat(services.path("api").path("deploy").path("resources").isEmpty()).isTrue();
        assertThat(services.path("api").path("deploy").path("replicas").asInt()).isEqualTo(1);
        assertThat(services.path("api").path("cpus").asDouble()).isEqualTo(0.5);
    }

    @Test
    void aDollarLeftAfterSubstitutionIsWrittenAsALiteralOne() throws IOException {
        Files.writeString(folder.resolve(".env"), "TAG=7\n");
        JsonNode services = sanitise("""
                services:
                  node:
                    image: "redis:${TAG}"
                    command: ['--exclude=^/(sys|proc)($$|/)']
                """, Map.of());

        assertThat(services.path("node").path("image").asText()).isEqualTo("redis:7");
        assertThat(services.path("node").path("command").get(0).asText()).isEqualTo("--exclude=^/(sys|proc)($$|/)");
    }

    @Test
    void onARemoteEngineItPublishesOnThatEngineAddressesInstead() throws IOException {
        Files.writeString(folder.resolve("docker-compose.yml"), "services:\n  web:\n    image: nginx:alpine\n    ports: [\"80:80\"]\n");
        JsonNode web = new ComposeSanitiser("run1", Map.of(), LIMITS).publishingOn("0.0.0.0")
                .sanitise(Submission.load(folder).compose().orElseThrow()).path("services").path("web");

        assertThat(web.path("ports").get(0).asText()).isEqualTo("0.0.0.0::80");
    }

    @Test
    void makesRelativeHostPathsAbsoluteAndLeavesNamedVolumesAlone() throws IOException {
        JsonNode services = sanitise("""
                services:
                  prometheus:
                    image: prom/prometheus
                    volumes:
                      - ./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml:ro
                      - prometheus_data:/prometheus
                      - /proc:/host/proc:ro
                      - type: bind
                        source: ./rules
                        target: /etc/prometheus/rules
                  api:
                    build: ./app
                    env_file: .env.api
                volumes:
                  prometheus_data:
                """, Map.of());

        JsonNode volumes = services.path("prometheus").path("volumes");
        assertThat(volumes.get(0).asText()).isEqualTo(folder.resolve("prometheus/prometheus.yml") + ":/etc/prometheus/prometheus.yml:ro");
        assertThat(volumes.get(1).asText()).isEqualTo("prometheus_data:/prometheus");
        assertThat(volumes.get(2).asText()).isEqualTo("/proc:/host/proc:ro");
        assertThat(volumes.get(3).path("source").asText()).isEqualTo(folder.resolve("rules").toString());
        assertThat(services.path("api").path("build").path("context").asText()).isEqualTo(folder.resolve("app").toString());
        assertThat(services.path("api").path("env_file").asText()).isEqualTo(folder.resolve(".env.api").toString());
    }

    @Test
    void tagsBuiltImagesAndLabelsEveryServiceWithTheRun() throws IOException {
        JsonNode services = sanitise("""
                services:
                  api:
                    build:
                      context: app
                    labels:
                      - team=shop
                  redis:
                    image: redis:7-alpine
                    labels:
                      tier: cache
                """, Map.of());

        assertThat(services.path("api").path("image").asText()).isEqualTo("obsgrader-run1-api");
        assertThat(services.path("api").path("build").path("context").asText()).isEqualTo(folder.resolve("app").toString());
        assertThat(services.path("api").path("labels")).extracting(JsonNode::asText)
                .containsExactly("team=shop", "obsgrader.run=run1", "obsgrader.owner=" + ProcessHandle.current().pid());
        assertThat(services.path("redis").path("labels").path("obsgrader.run").asText()).isEqualTo("run1");
        assertThat(services.path("redis").path("labels").path("tier").asText()).isEqualTo("cache");
        assertThat(services.path("api").path("build").path("labels").path("obsgrader.run").asText()).isEqualTo("run1");
    }

    @Test
    void keepsLiteralDollarsLiteralForComposeWhichSubstitutesAgain() throws IOException {
        Files.writeString(folder.resolve(".env"), "TAG=7-alpine\n");
        JsonNode services = sanitise("""
                services:
                  node:
                    image: "redis:${TAG}"
                    command: ['--collector.filesystem.mount-points-exclude=^/(sys|proc)($$|/)']
                """, Map.of());

        assertThat(services.path("node").path("image").asText()).isEqualTo("redis:7-alpine");
        assertThat(services.path("node").path("command").get(0).asText())
                .isEqualTo("--collector.filesystem.mount-points-exclude=^/(sys|proc)($$|/)");
    }

    @Test
    void labelsTheImageOfABuildGivenAsAPath() throws IOException {
        JsonNode services = sanitise("services:\n  api: {build: ./app}\n", Map.of());

        assertThat(services.path("api").path("build").path("context").asText()).isEqualTo(folder.resolve("app").toString());
        assertThat(services.path("api").path("build").path("labels").path("obsgrader.owner").asText())
                .isEqualTo(String.valueOf(ProcessHandle.current().pid()));
    }

    @Test
    void aCachedBuildIsTheCachesImageAndAReusedOneIsNotBuilt() throws IOException {
        Files.writeString(folder.resolve("docker-compose.yml"),
                "services:\n  api: {build: {context: ./app, labels: [team=shop]}}\n  webhook: {build: ./webhook}\n");
        BuildCache cache = new BuildCache(Map.of(
                "api", new BuildCache.Entry("k1", "obsgrader-build-cache:k1", false),
                "webhook", new BuildCache.Entry("k2", "obsgrader-build-cache:k2", true)));
        JsonNode services = new ComposeSanitiser("run1", Map.of(), LIMITS).withBuildCache(cache)
                .sanitise(Submission.load(folder).compose().orElseThrow()).path("services");

        JsonNode api = services.path("api");
        assertThat(api.path("image").asText()).isEqualTo("obsgrader-build-cache:k1");
        assertThat(api.path("build").path("labels").toString())
                .as("the run's cleanup must not find the cache's image by the run's labels")
                .contains("team=shop", BuildCache.LABEL + "=k1").doesNotContain(ComposeSanitiser.RUN_LABEL);
        JsonNode webhook = services.path("webhook");
        assertThat(webhook.has("build")).isFalse();
        assertThat(webhook.path("image").asText()).isEqualTo("obsgrader-build-cache:k2");
        assertThat(webhook.path("labels").path(ComposeSanitiser.RUN_LABEL).asText()).as("its containers are the run's").isEqualTo("run1");
    }

    @Test
    void givesEveryNetworkABridgeNamedForTheRun() throws IOException {
        Files.writeString(folder.resolve("docker-compose.yml"), """
                services:
                  db: {image: postgres, networks: [back]}
                  web: {image: nginx}
                  sidecar: {image: nginx, network_mode: "service:web"}
                  offline: {image: nginx, network_mode: none}
                networks:
                  back:
                    name: techshop-back
                    driver: macvlan
                    driver_opts: {parent: eth0}
                """);
        ComposeSanitiser sanitiser = new ComposeSanitiser("run1", Map.of(), LIMITS);
        JsonNode networks = sanitiser.sanitise(Submission.load(folder).compose().orElseThrow()).path("networks");

        assertThat(sanitiser.bridges()).containsExactly("obsgrun10", "obsgrun11");
        assertThat(networks.path("back").path("driver").asText()).isEqualTo("bridge");
        assertThat(networks.path("back").path("driver_opts").properties()).extracting(Map.Entry::getKey)
                .containsExactly(Egress.BRIDGE_NAME);
        assertThat(networks.path("back").has("name")).isFalse();
        assertThat(networks.path("default").path("driver_opts").path(Egress.BRIDGE_NAME).asText()).isEqualTo("obsgrun11");
        assertThat(sanitiser.changes()).extracting(Message::toString).contains("network back: driver macvlan replaced by bridge",
                "network back: its fixed name dropped (the run creates its own)");
    }

    @Test
    void refusesNetworksOutsideTheRun() throws IOException {
        Files.writeString(folder.resolve("docker-compose.yml"), """
                services:
                  a: {image: nginx, network_mode: bridge}
                  b: {image: nginx, network_mode: "container:other-stack-db"}
                  c: {image: nginx, networks: [shared]}
                networks:
                  shared: {external: true}
                """);
        ComposeSanitiser sanitiser = new ComposeSanitiser("run1", Map.of(), LIMITS);

        assertThatThrownBy(() -> sanitiser.sanitise(Submission.load(folder).compose().orElseThrow()))
                .isInstanceOf(StackFailure.class)
                .hasMessage("refused to run: a: network_mode: bridge (a network outside the run's own); "
                        + "b: network_mode: container:other-stack-db (a network outside the run's own); "
                        + "networks.shared: external (a network outside the run's own)");
    }

    @Test
    void capsEveryServicesMemoryCpuProcessesAndLogs() throws IOException {
        JsonNode services = sanitise("""
                services:
                  hog:
                    image: python:3.11-slim
                    mem_limit: 64g
                    logging: {driver: none}
                """, Map.of());

        JsonNode hog = services.path("hog");
        assertThat(hog.path("mem_limit").asText()).isEqualTo("512m");
        assertThat(hog.path("cpus").asDouble()).isEqualTo(0.5);
        assertThat(hog.path("pids_limit").asInt()).isEqualTo(100);
        assertThat(hog.path("logging").path("driver").asText()).isEqualTo("json-file");
        assertThat(hog.path("logging").path("options").path("max-size").asText()).isEqualTo("1m");
    }

    @Test
    void labelsTheRunsVolumesAndNetworksButNotExternalOnes() throws IOException {
        Files.writeString(folder.resolve("docker-compose.yml"), """
                services:
                  db: {image: postgres}
                volumes:
                  data:
                  shared: {external: true}
                networks:
                  back: {}
                """);
        JsonNode sanitised = new ComposeSanitiser("run1", Map.of(), LIMITS)
                .sanitise(Submission.load(folder).compose().orElseThrow());

        assertThat(sanitised.path("volumes").path("data").path("labels").path("obsgrader.run").asText()).isEqualTo("run1");
        assertThat(sanitised.path("volumes").path("shared").has("labels")).isFalse();
        assertThat(sanitised.path("networks").path("back").path("labels").path("obsgrader.run").asText()).isEqualTo("run1");
        assertThat(sanitised.path("networks").path("default").path("labels").path("obsgrader.run").asText()).isEqualTo("run1");
    }

    @Test
    void leavesOutServicesThatCannotRunAndTheDependenciesOnThem() throws IOException {
        JsonNode services = sanitise("""
                services:
                  grafana:
                    image: grafana/grafana
                  nginx:
                    image: nginx
                    depends_on: [grafana, api]
                  api:
                    image: x
                    depends_on:
                      grafana:
                        condition: service_started
                """, Map.of("grafana", Message.verbatim("no image")));

        assertThat(services.has("grafana")).isFalse();
        assertThat(services.path("nginx").path("depends_on")).extracting(JsonNode::asText).containsExactly("api");
        assertThat(services.path("api").path("depends_on").has("grafana")).isFalse();
    }
}
