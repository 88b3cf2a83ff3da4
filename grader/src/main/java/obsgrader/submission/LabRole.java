package obsgrader.submission;

import java.util.regex.Pattern;

/**
 * The twelve services the lab asks for, recognised by image (any registry, any tag, the usual community
 * builds) or, failing that, by a service name saying what it is; with the port the lab serves them on.
 */
public enum LabRole {
    NGINX("nginx", 80, "nginx|nginx-unprivileged|openresty", "nginx|proxy|reverse-proxy|web|frontend|gateway|lb"),
    API("api", 5000, "", "api|backend|app|shop|techshop|order-service|\\w+-api|api-\\w+|\\w+-service"),
    POSTGRES("postgres", 5432, "postgres|postgresql", "postgres|postgresql|db|database|pg"),
    REDIS("redis", 6379, "redis|redis-stack-server|valkey", "redis|cache|kv"),
    NODE_EXPORTER("node-exporter", 9100, "node-exporter|node_exporter", "node-exporter|node_exporter|nodeexporter"),
    NGINX_EXPORTER("nginx-exporter", 9113, "nginx-prometheus-exporter|nginx-exporter", "nginx-exporter|nginx_exporter"),
    POSTGRES_EXPORTER("postgres-exporter", 9187, "postgres-exporter|postgres_exporter", "postgres-exporter|postgres_exporter|pg-exporter"),
    REDIS_EXPORTER("redis-exporter", 9121, "redis_exporter|redis-exporter", "redis-exporter|redis_exporter"),
    BLACKBOX_EXPORTER("blackbox-exporter", 9115, "blackbox-exporter|blackbox_exporter", "blackbox-exporter|blackbox_exporter|blackbox"),
    PROMETHEUS("prometheus", 9090, "prometheus", "prometheus|prom"),
    ALERTMANAGER("alertmanager", 9093, "alertmanager", "alertmanager"),
    GRAFANA("grafana", 3000, "grafana|grafana-oss|grafana-enterprise", "grafana");

    private final String labName;
    private final int port;
    private final Pattern images;
    private final Pattern names;

    LabRole(String labName, int port, String images, String names) {
        this.labName = labName;
        this.port = port;
        this.images = Pattern.compile(images.isEmpty() ? "(?!)" : "^(" + images + ")$");
        this.names = Pattern.compile("^(" + names + ")(-?\\d+)?$");
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
        return images.matcher(repository.substring(repository.lastIndexOf('/') + 1)).matches();
    }

    /** Whether a service name says it plays this role: the lab's name, or a usual one ({@code db}, {@code backend}). */
    boolean isNamed(String service) {
        return names.matcher(service.toLowerCase()).matches();
    }
}
