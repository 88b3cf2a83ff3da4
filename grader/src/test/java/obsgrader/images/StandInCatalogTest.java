package obsgrader.images;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The tag a student wrote picks the Debian build that stands in: newest for {@code latest}, same major otherwise. */
class StandInCatalogTest {
    private static final StandInCatalog CATALOG = StandInCatalog.load();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "prom/prometheus, Prometheus 3.5 (Debian sid)",
        "prom/prometheus:latest, Prometheus 3.5 (Debian sid)",
        "prom/prometheus:v3.1.0, Prometheus 3.5 (Debian sid)",
        "quay.io/prometheus/prometheus:v3.0.0-rc.0, Prometheus 3.5 (Debian sid)",
        "prom/prometheus:v2.50.0, Prometheus 2.42 (Debian bookworm)",
        "prom/prometheus:v2.53.1, Prometheus 2.42 (Debian bookworm)",
        "prom/prometheus@sha256:0123456789abcdef, Prometheus 2.42 (Debian bookworm)",
        "prom/alertmanager:v0.27.0, Alertmanager 0.33 (Debian sid)",
        "prom/alertmanager:v0.25.0, Alertmanager 0.25 (Debian bookworm)",
        "nginx/nginx-prometheus-exporter:1.1.0, NGINX Prometheus Exporter 1.4 (Debian trixie)",
        "nginx/nginx-prometheus-exporter:0.11.0, NGINX Prometheus Exporter 0.11 (Debian bookworm)",
        "prom/node-exporter:v1.8.2, node_exporter 1.9 (Debian trixie)",
        "prom/node-exporter:v1.5.0, node_exporter 1.5 (Debian bookworm)",
        "oliver006/redis_exporter:v1.62.0-alpine, redis_exporter 1.69 (Debian trixie)",
        "oliver006/redis_exporter:v1.45.0, redis_exporter 1.45 (Debian bookworm)",
        "prometheuscommunity/postgres-exporter:v0.15.0, postgres_exporter 0.17 (Debian trixie)",
        "prom/blackbox-exporter:v0.25.0, blackbox_exporter 0.26 (Debian trixie)",
        "postgres:15-alpine, PostgreSQL 15 (Debian)",
        "docker.io/library/python:3.11-slim, Python 3.11 (Debian)",
        "python:3.13-slim, Python 3.11 (Debian)",
        "node:20-alpine, Node.js 20 (Debian trixie)",
        "node:lts-alpine, Node.js 20 (Debian trixie)",
        "node, Node.js 20 (Debian trixie)",
        "node:18-bullseye, Node.js 18 (Debian bookworm)",
    })
    void theTagPicksTheVersion(String image, String provides) {
        assertThat(CATALOG.standInFor(image)).map(StandInCatalog.Choice::provides).contains(provides);
    }

    @ParameterizedTest
    @CsvSource({"grafana/grafana:latest", "gcr.io/cadvisor/cadvisor:v0.47.0"})
    void anImageWithoutAStandInHasNone(String image) {
        assertThat(CATALOG.standInFor(image)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"prom/prometheus:latest, prom/prometheus:v2.50.0", "prom/node-exporter:latest, prom/node-exporter:v1.5.0"})
    void versionsOfOneStandInHaveTheirOwnCacheKey(String newer, String older) {
        assertThat(StandInImages.hash(CATALOG.standInFor(newer).orElseThrow()))
                .isNotEqualTo(StandInImages.hash(CATALOG.standInFor(older).orElseThrow()));
    }
}
