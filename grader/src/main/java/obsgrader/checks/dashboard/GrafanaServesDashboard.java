package obsgrader.checks.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Patience;
import obsgrader.checks.NotAssessed;
import obsgrader.checks.Verdict;
import obsgrader.checks.dashboard.Dashboards.Dashboard;
import obsgrader.clients.GrafanaApi;
import obsgrader.stack.LabStack;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.LabRole;
import obsgrader.submission.Submission;

/**
 * Grafana, running, serves what its files promise: it is healthy, its Prometheus datasource answers, and the
 * exported dashboard is loaded from provisioning. A quarter of the points each.
 */
@RubricCheck(id = "dashboard.grafana-live", title = "Grafana runs, its Prometheus datasource answers and the dashboard is provisioned", live = true)
public final class GrafanaServesDashboard implements Check {
    private static final int PARTS = 4;
    /** Grafana migrates its database on a first start before it answers. */
    private final Duration startup;
    private final Duration provisioning;

    public GrafanaServesDashboard() {
        this(Duration.ofMinutes(2), Duration.ofSeconds(30));
    }

    /** With shorter patience, for a test against recorded answers. */
    GrafanaServesDashboard(Duration startup, Duration provisioning) {
        this.startup = startup;
        this.provisioning = provisioning;
    }

    @Override
    public Verdict judge(GradingContext context) {
        Optional<ComposeFile> compose = context.submission().compose();
        Optional<String> service = compose.flatMap(c -> c.serviceFor(LabRole.GRAFANA));
        if (service.isEmpty()) {
            return Verdict.fromFiles(0).expected("a grafana service (image grafana/grafana)").found("none")
                    .at(compose.map(c -> c.file().getFileName().toString()).orElse("docker-compose.yml"))
                    .hint("Add the grafana service of the lab (grafana/grafana, port 3000, provisioning mounted).");
        }
        LabStack stack = context.stack();
        if (stack.leftOut().contains(service.get())) {
            throw new NotAssessed("Grafana cannot run on this machine (no image offline): its provisioning was checked from the files");
        }
        JsonNode environment = compose.get().services().get(service.get()).path("environment");
        GrafanaApi grafana = new GrafanaApi(stack.endpoint(service.get(), LabRole.GRAFANA.port()),
                environment(environment, "GF_SECURITY_ADMIN_USER", "admin"),
                environment(environment, "GF_SECURITY_ADMIN_PASSWORD", "admin"));
        return judge(grafana, service.get(), context.submission());
    }

    /** What the running Grafana serves, against the dashboards the submission exports. */
    Verdict judge(GrafanaApi grafana, String service, Submission submission) {
        if (!Patience.waitUpTo(startup, grafana::healthy)) {
            return Verdict.live(0).expected("GET /api/health answering 200")
                    .found("no answer after " + startup.toSeconds() + " s").at(grafana.base() + "/api/health")
                    .hint("Read the grafana service's log (reports/latest/logs/" + service + ".log): a provisioning "
                            + "file that does not parse stops Grafana.");
        }
        try {
            return judgeServing(grafana, submission);
        } catch (GrafanaApi.LoginRefused e) {
            return Verdict.live(Verdict.share(1, PARTS)).expected("the admin login of the compose file accepted")
                    .found("healthy; " + e.getMessage()).at(grafana.base() + "/api/datasources")
                    .hint("Set GF_SECURITY_ADMIN_USER and GF_SECURITY_ADMIN_PASSWORD in the grafana service's "
                            + "environment (the grader logs in with them; admin/admin when unset).");
        }
    }

    private Verdict judgeServing(GrafanaApi grafana, Submission submission) {
        List<String> seen = new ArrayList<>(List.of("healthy"));
        List<String> problems = new ArrayList<>();
        JsonNode datasources = grafana.datasources();
        Optional<JsonNode> prometheus = StreamSupport.stream(datasources.spliterator(), false)
                .filter(d -> "prometheus".equals(d.path("type").asText())).findFirst();
        boolean datasourceAnswers = false;
        if (prometheus.isEmpty()) {
            problems.add("no prometheus datasource"
                    + (datasources.has("message") ? " (" + datasources.path("message").asText() + ")" : ""));
        } else {
            String name = "datasource \"" + prometheus.get().path("name").asText() + "\"";
            datasourceAnswers = Patience.waitUpTo(provisioning,
                    () -> "OK".equals(health(grafana, prometheus.get()).path("status").asText()));
            if (datasourceAnswers) {
                seen.add(name + " answers");
            } else {
                problems.add(name + " fails its health check: " + health(grafana, prometheus.get()).path("message").asText());
            }
        }
        Optional<JsonNode> dashboard = Optional.empty();
        for (Dashboard exported : Dashboards.of(submission)) {
            dashboard = dashboard.or(() -> served(grafana, exported));
        }
        boolean provisioned = dashboard.map(d -> d.path("meta").path("provisioned").asBoolean()).orElse(false);
        if (dashboard.isEmpty()) {
            problems.add("no exported dashboard is served (searched by uid and title)");
        } else {
            String title = "dashboard \"" + dashboard.get().path("dashboard").path("title").asText() + "\"";
            seen.add(title + " served");
            if (provisioned) {
                seen.add("provisioned");
            } else {
                problems.add(title + " is not provisioned (meta.provisioned is false: imported by hand)");
            }
        }
        long passed = 1 + List.of(datasourceAnswers, dashboard.isPresent(), provisioned).stream().filter(b -> b).count();
        return Verdict.live(Verdict.share(passed, PARTS))
                .expected("Grafana healthy, its Prometheus datasource answering, the dashboard served and provisioned")
                .found(String.join(", ", seen) + (problems.isEmpty() ? "" : "; " + String.join("; ", problems)))
                .at(grafana.base() + " (/api/health, /api/datasources, /api/dashboards/uid/...)")
                .hint(problems.isEmpty() ? "" : "Check the provisioning files (grafana/provisioning/datasources and "
                        + "dashboards) and the grafana service's log.");
    }

    private static JsonNode health(GrafanaApi grafana, JsonNode datasource) {
        return grafana.datasourceHealth(datasource.path("uid").asText());
    }

    /** The exported dashboard as Grafana serves it, found by its uid, else by its title; provisioning may lag the start. */
    private Optional<JsonNode> served(GrafanaApi grafana, Dashboard exported) {
        try {
            return Awaitility.await().atMost(provisioning).pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2))
                    .ignoreExceptions().until(() -> lookup(grafana, exported), Optional::isPresent);
        } catch (ConditionTimeoutException e) {
            return Optional.empty();
        }
    }

    private static Optional<JsonNode> lookup(GrafanaApi grafana, Dashboard exported) {
        Optional<String> uid = Optional.of(exported.uid()).filter(u -> !u.isEmpty()).filter(u -> grafana.dashboard(u).has("meta"))
                .or(() -> StreamSupport.stream(grafana.searchDashboards(exported.title()).spliterator(), false)
                        .filter(hit -> exported.title().equals(hit.path("title").asText()))
                        .map(hit -> hit.path("uid").asText()).findFirst());
        return uid.map(grafana::dashboard).filter(d -> d.has("meta"));
    }

    /** A variable of the service's environment, in either compose form (list of K=V, or mapping). */
    private static String environment(JsonNode environment, String name, String fallback) {
        if (environment.isObject()) {
            return environment.path(name).asText(fallback);
        }
        for (JsonNode entry : environment) {
            if (entry.asText().startsWith(name + "=")) {
                return entry.asText().substring(name.length() + 1);
            }
        }
        return fallback;
    }
}
