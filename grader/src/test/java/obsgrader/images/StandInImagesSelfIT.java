package obsgrader.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import obsgrader.engine.DockerEngine;
import obsgrader.engine.Shell;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.Submission;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.awaitility.Awaitility;

/**
 * Every stand-in runs as its upstream image does: with the lab's flags (the reference's {@code command:}), with
 * a bare {@code command:} override that keeps the entrypoint and sets only the config path, and with no command
 * at all. One container at a time; the python stand-in is tried by building an API that pins its packages.
 */
class StandInImagesSelfIT {
    private static final Duration STARTUP = Duration.ofSeconds(60);
    private static ComposeFile reference;

    @BeforeAll
    static void engine() {
        DockerEngine.ensureRunning();
        reference = Submission.load(Path.of(System.getProperty("obsgrader.reference", "../stack"))).compose().orElseThrow();
    }

    /** How a container shows it serves: an HTTP path answering 200 on its port, or a line of its log. */
    record Serving(String path, String logLine) {
    }

    /** One stand-in: the image a student writes, the reference's service using it, a bare override, how it serves. */
    record Case(String image, String labService, List<String> bareCommand, int port, Serving serving) {
        @Override
        public String toString() {
            return image;
        }
    }

    static Stream<Case> standIns() {
        return Stream.of(
                new Case("prom/prometheus:latest", "prometheus", List.of("--config.file=/etc/prometheus/prometheus.yml"),
                        9090, http(9090, "/-/ready")),
                new Case("prom/prometheus:v2.50.0", "prometheus", List.of("--config.file=/etc/prometheus/prometheus.yml"),
                        9090, http(9090, "/-/ready")),
                new Case("prom/alertmanager:latest", "alertmanager",
                        List.of("--config.file=/etc/alertmanager/alertmanager.yml"), 9093, http(9093, "/-/ready")),
                new Case("prom/node-exporter:latest", "node-exporter", List.of("--collector.disable-defaults",
                        "--collector.cpu"), 9100, http(9100, "/metrics")),
                new Case("prom/blackbox-exporter:latest", "blackbox-exporter",
                        List.of("--config.file=/etc/blackbox_exporter/config.yml"), 9115, http(9115, "/metrics")),
                new Case("nginx/nginx-prometheus-exporter:latest", "nginx-exporter",
                        List.of("--nginx.scrape-uri=http://localhost/stub_status"), 9113, http(9113, "/metrics")),
                new Case("prometheuscommunity/postgres-exporter:latest", "postgres-exporter",
                        List.of("--web.listen-address=:9187"), 9187, http(9187, "/metrics")),
                new Case("oliver006/redis_exporter:latest", "redis-exporter", List.of("--redis.addr=redis://localhost:6379"),
                        9121, http(9121, "/metrics")),
                new Case("nginx:alpine", "nginx", List.of("nginx", "-g", "daemon off;"), 80, http(80, "/")),
                new Case("postgres:15-alpine", "postgres", List.of("postgres", "-c", "max_connections=50"),
                        5432, new Serving(null, "database system is ready to accept connections")),
                new Case("redis:7-alpine", "redis", List.of("redis-server", "--appendonly", "yes"),
                        6379, new Serving(null, "Ready to accept connections")));
    }

    private static Serving http(int port, String path) {
        return new Serving(path, null);
    }

    /** Runs the image with the command, waits until it serves, and removes it whatever happened. */
    private static void assertServes(Case standIn, List<String> options, List<String> command) {
        List<String> run = new ArrayList<>(List.of("docker", "run", "-d", "-p", "127.0.0.1::" + standIn.port()));
        run.addAll(options);
        run.add(standIn.image());
        run.addAll(command);
        Shell.Result started = Shell.run(Duration.ofSeconds(30), run.toArray(String[]::new));
        assertThat(started.ok()).as(started.output()).isTrue();
        String id = started.output().strip().lines().reduce((a, b) -> b).orElseThrow();
        try {
            Awaitility.await(standIn.image() + " with command " + command + " serving").atMost(STARTUP)
                    .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(() -> serves(standIn, id));
        } finally {
            Shell.run(Duration.ofSeconds(30), "docker", "rm", "-f", "-v", id);
        }
    }

    private static boolean serves(Case standIn, String id) throws Exception {
        if (standIn.serving().logLine() != null) {
            return Shell.run(Duration.ofSeconds(10), "docker", "logs", id).output().contains(standIn.serving().logLine());
        }
        String address = Shell.run(Duration.ofSeconds(10), "docker", "port", id, String.valueOf(standIn.port()))
                .output().strip().lines().findFirst().orElseThrow();
        // An exporter's first scrape may wait on its unreachable database: the timeout allows for it.
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address + standIn.serving().path()))
                .timeout(Duration.ofSeconds(15)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("standIns")
    void servesWithTheLabsFlagsABareOverrideAndNoCommand(Case standIn) {
        assertThat(StandInImages.fromCatalog().ensure(Set.of(standIn.image())).unavailable()).isEmpty();
        JsonNode service = reference.services().get(standIn.labService());
        List<String> labCommand = new ArrayList<>();
        service.path("command").forEach(word -> labCommand.add(word.asText().replace("$$", "$")));
        List<String> environment = new ArrayList<>();
        JsonNode variables = service.path("environment");
        variables.forEach(variable -> environment.add(variable.asText()));
        variables.fields().forEachRemaining(variable -> environment.add(variable.getKey() + "=" + variable.getValue().asText()));
        // The host folders the lab mounts (node-exporter's /proc, /sys and /, read-only): its flags point there.
        List<String> options = new ArrayList<>(List.of("-e", "POSTGRES_PASSWORD=password"));
        service.path("volumes").forEach(volume -> {
            if (volume.asText().startsWith("/")) {
                options.addAll(List.of("-v", volume.asText()));
            }
        });
        environment.forEach(variable -> options.addAll(List.of("-e", variable)));

        for (List<String> command : List.of(labCommand, standIn.bareCommand(), List.<String>of())) {
            assertServes(standIn, options, command);
        }
    }

    @Test
    void anApiPinningOtherVersionsBuildsWithDebiansPackagesAndServes(@TempDir Path api) throws IOException {
        assertThat(StandInImages.fromCatalog().ensure(Set.of("python:3.11-slim")).unavailable()).isEmpty();
        Files.writeString(api.resolve("requirements.txt"), """
                fastapi==0.111.0
                uvicorn[standard]==0.29.0
                prometheus-client==0.20.0
                psycopg2-binary==2.9.9
                redis==5.0.4
                requests==2.31.0
                SQLAlchemy==2.0.30
                gunicorn==22.0.0
                """);
        Files.writeString(api.resolve("main.py"), """
                from fastapi import FastAPI
                from prometheus_client import make_asgi_app
                import psycopg2, redis, requests, sqlalchemy

                app = FastAPI()
                app.mount("/metrics", make_asgi_app())

                @app.get("/health")
                def health():
                    return {"status": "ok"}
                """);
        Files.writeString(api.resolve("Dockerfile"), """
                FROM python:3.11-slim
                WORKDIR /app
                COPY requirements.txt .
                RUN pip install --no-cache-dir -r requirements.txt && python -m pip install 'flask>=3.0'
                COPY main.py .
                CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8000"]
                """);
        String image = "obsgrader-selftest-pinned-api";
        Shell.Result build = Shell.run(Duration.ofMinutes(5), "docker", "build", "--force-rm", "-t", image, api.toString());
        try {
            assertThat(build.ok()).as(build.output()).isTrue();
            // what the pins asked for imports from Debian's builds (serving it under uvicorn was checked by hand:
            // /metrics answers 307 to /metrics/, Starlette's mount, then 200)
            Shell.Result imports = Shell.run(Duration.ofMinutes(1), "docker", "run", "--rm", "--network", "none", image,
                    "python", "-c", "import fastapi, uvicorn, prometheus_client, psycopg2, redis, requests, sqlalchemy, main");
            assertThat(imports.ok()).as(imports.output()).isTrue();
        } finally {
            Shell.run(Duration.ofSeconds(30), "docker", "image", "rm", "-f", image);
        }
    }

    @Test
    void aStudentsPinnedRequirementsInstallAsWrittenFromPyPiAndDebianStandsInOnlyOffline(@TempDir Path api) throws IOException {
        assertThat(StandInImages.fromCatalog().ensure(Set.of("python:3.11-slim")).unavailable()).isEmpty();
        Files.writeString(api.resolve("Dockerfile"), """
                FROM python:3.11-slim
                RUN pip install fastapi==0.111.0 opentelemetry-instrumentation-fastapi==0.45b0
                """);
        String image = "obsgrader-selftest-pinned-requirements";
        try {
            Shell.Result build = Shell.run(Duration.ofMinutes(5), "docker", "build", "--force-rm", "-t", image, api.toString());
            if (pypiAnswers()) {
                assertThat(build.ok()).as(build.tail(20)).isTrue();
                Shell.Result version = Shell.run(Duration.ofMinutes(1), "docker", "run", "--rm", "--network", "none", image,
                        "python", "-c", "import importlib.metadata as m; print(m.version('fastapi'))");
                assertThat(version.output().trim()).isEqualTo("0.111.0");
            } else {
                // air-gapped: Debian's builds stand in, and a package Debian does not ship fails the build naming it
                assertThat(build.ok()).isFalse();
                assertThat(build.output())
                        .contains("'opentelemetry-instrumentation-fastapi' is not among the Python packages Debian ships")
                        .doesNotContain("No matching distribution found for fastapi");
            }
        } finally {
            Shell.run(Duration.ofSeconds(30), "docker", "image", "rm", "-f", image);
        }
    }

    private static boolean pypiAnswers() {
        return Shell.run(Duration.ofSeconds(20), "curl", "-sf", "-o", "/dev/null", "--max-time", "15", "https://pypi.org/simple/fastapi/").ok();
    }
}
