package obsgrader.submission;

import java.util.List;

/**
 * The twelve services the lab asks for, recognised by image (any registry, any tag) or, failing that, by the
 * service name the lab uses; with the port the lab serves them on.
 */
public enum LabRole {
    NGINX("nginx", 80, "nginx"),
    API("api", 5000),
    POSTGRES("postgres", 5432, "postgres"),
    REDIS("redis", 6379, "redis"),
    NODE_EXPORTER("node-exporter", 9100, "node-exporter"),
    NGINX_EXPORTER("nginx-exporter", 9113, "nginx-prometheus-exporter"),
    POSTGRES_EXPORTER("postgres-exporter", 9187, "postgres-exporter", "postgres_exporter"),
    REDIS_EXPORTER("redis-exporter", 9121, "redis_exporter", "redis-exporter"),
    BLACKBOX_EXPORTER("blackbox-exporter", 9115, "blackbox-exporter"),
    PROMETHEUS("prometheus", 9090, "prometheus"),
    ALERTMANAGER("alertmanager", 9093, "alertmanager"),
    GRAFANA("grafana", 3000, "grafana");

    private final String labName;
    private final int port;
    private final List<String> imageNames;

    LabRole(String labName, int port, String... imageNames) {
        this.labName = labName;
        this.port = port;
        this.imageNames = List.of(imageNames);
    }

    public String labName() {
        return labName;
    }

    public int port() {
        return port;
    }

    /** Whether an image reference is this role's (its repository's last segment names it). */
    boolean runs(String image) {
        String repository = ComposeFile.repository(image);
        return imageNames.contains(repository.substring(repository.lastIndexOf('/') + 1));
    }

    boolean isNamed(String service) {
        return labName.equals(service) || (this == API && service.contains("api"));
    }
}
