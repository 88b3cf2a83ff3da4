package obsgrader.checks.dashboard;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
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
import obsgrader.i18n.Message;
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
            return Verdict.fromFiles(0).expected(msg("dashboard.grafana-live.expected-service")).found(msg("dashboard.none"))
                    .at(Message.verbatim(compose.map(c -> c.file().getFileName().toString()).orElse("docker-compose.yml")))
                    .hint(msg("dashboard.grafana-live.hint-service"));
        }
        LabStack stack = context.stack();
        if (stack.leftOut().contains(service.get())) {
            throw new NotAssessed(msg("dashboard.grafana-live.offline"));
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
            return Verdict.live(0).expected(msg("dashboard.grafana-live.expected-health"))
                    .found(msg("dashboard.grafana-live.no-answer", startup.toSeconds())).at(Message.verbatim(grafana.base() + "/api/health"))
                    .hint(msg("dashboard.grafana-live.hint-health", service));
        }
        try {
            return judgeServing(grafana, submission);
        } catch (GrafanaApi.LoginRefused e) {
            return Verdict.live(Verdict.share(1, PARTS)).expected(msg("dashboard.grafana-live.expected-login"))
                    .found(msg("dashboard.grafana-live.login-refused", e.reason()))
                    .at(Message.verbatim(grafana.base() + "/api/datasources"))
                    .hint(msg("dashboard.grafana-live.hint-login"));
        }
    }

    private Verdict judgeServing(GrafanaApi grafana, Submission submission) {
        List<Message> seen = new ArrayList<>(List.of(msg("dashboard.grafana-live.healthy")));
        List<Message> problems = new ArrayList<>();
        JsonNode datasources = grafana.datasources();
        Optional<JsonNode> prometheus = StreamSupport.stream(datasources.spliterator(), false)
                .filter(d -> "prometheus".equals(d.path("type").asText())).findFirst();
        boolean datasourceAnswers = false;
        if (prometheus.isEmpty()) {
            problems.add(datasources.has("message") ? msg("dashboard.grafana-live.no-datasource-because", datasources.path("message").asText())
                    : msg("dashboard.grafana-live.no-datasource"));
        } else {
            String name = prometheus.get().path("name").asText();
            datasourceAnswers = Patience.waitUpTo(provisioning,
                    () -> "OK".equals(health(grafana, prometheus.get()).path("status").asText()));
            if (datasourceAnswers) {
                seen.add(msg("dashboard.grafana-live.datasource-answers", name));
            } else {
                problems.add(msg("dashboard.grafana-live.datasource-fails", name, health(grafana, prometheus.get()).path("message").asText()));
            }
        }
        Optional<JsonNode> dashboard = Optional.empty();
        for (Dashboard exported : Dashboards.of(submission)) {
            dashboard = dashboard.or(() -> served(grafana, exported));
        }
        boolean provisioned = dashboard.map(d -> d.path("meta").path("provisioned").asBoolean()).orElse(false);
        if (dashboard.isEmpty()) {
            problems.add(msg("dashboard.grafana-live.not-served"));
        } else {
            String title = dashboard.get().path("dashboard").path("title").asText();
            seen.add(msg("dashboard.grafana-live.served", title));
            if (provisioned) {
                seen.add(msg("dashboard.grafana-live.provisioned"));
            } else {
                problems.add(msg("dashboard.grafana-live.not-provisioned", title));
            }
        }
        long passed = 1 + List.of(datasourceAnswers, dashboard.isPresent(), provisioned).stream().filter(b -> b).count();
        return Verdict.live(Verdict.share(passed, PARTS))
                .expected(msg("dashboard.grafana-live.expected"))
                .found(Message.clauses(Stream.concat(Stream.of(msg("dashboard.list", seen)), problems.stream()).toList()))
                .at(Message.verbatim(grafana.base() + " (/api/health, /api/datasources, /api/dashboards/uid/...)"))
                .hint(problems.isEmpty() ? Message.NONE : msg("dashboard.grafana-live.hint"))
                .measured(msg("dashboard.list", seen));
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
