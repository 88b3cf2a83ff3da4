package obsgrader.checks.dashboard;

import static obsgrader.i18n.Message.msg;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.checks.dashboard.Provisioning.Datasource;
import obsgrader.i18n.Message;
import obsgrader.submission.ComposeFile;
import obsgrader.submission.LabRole;
import obsgrader.submission.Submission;

/** Grafana gets its Prometheus datasource from a provisioning file, pointed at the compose Prometheus service. */
@RubricCheck(id = "dashboard.datasource", title = "Grafana's Prometheus datasource is provisioned and points at the Prometheus service")
public final class DatasourceProvisioned implements Check {
    private static final double WRONG_URL_SHARE = 1.0 / 3;
    private static final double THROUGH_API_SHARE = 2.0 / 3;

    @Override
    public Verdict judge(GradingContext context) {
        Submission submission = context.submission();
        Set<String> hosts = prometheusHosts(submission);
        String expectedUrl = "http://" + hosts.iterator().next() + ":" + LabRole.PROMETHEUS.port();
        List<Datasource> all = Provisioning.datasources(submission);
        List<Datasource> declared = all.stream().filter(d -> "prometheus".equalsIgnoreCase(d.type())).toList();
        List<Datasource> prometheus = declared.stream().filter(Datasource::read).toList();
        if (prometheus.isEmpty() && !declared.isEmpty()) {
            // written, but where Grafana never looks: Grafana starts without it, as without any
            Datasource unread = declared.get(0);
            return Verdict.fromFiles(0)
                    .expected(msg("dashboard.datasource.expected-file", expectedUrl))
                    .found(msg("dashboard.datasource.not-read", SubmissionFiles.where(submission, unread.file(), unread.line()),
                            Provisioning.folderOf(submission, "datasources")))
                    .at(Message.verbatim(SubmissionFiles.where(submission, unread.file(), unread.line())))
                    .hint(msg("dashboard.hint-not-read", Provisioning.folderOf(submission, "datasources")));
        }
        Optional<Verdict> throughApi = prometheus.isEmpty() ? createdThroughApi(submission, hosts, expectedUrl) : Optional.empty();
        if (throughApi.isPresent()) {
            return throughApi.get();
        }
        if (prometheus.isEmpty()) {
            return Verdict.fromFiles(0)
                    .expected(msg("dashboard.datasource.expected-file", expectedUrl))
                    .found(all.isEmpty() ? msg("dashboard.datasource.no-file")
                            : msg("dashboard.datasource.other-types", all.stream().map(Datasource::type).distinct().toList()))
                    .at(Message.verbatim(submission.grafanaProvisioning().map(p -> SubmissionFiles.where(submission, p, 0))
                            .orElse("grafana/provisioning/datasources/")))
                    .hint(msg("dashboard.datasource.hint-file", expectedUrl));
        }
        Set<Integer> ports = submission.compose().flatMap(c -> c.serviceFor(LabRole.PROMETHEUS).map(c::portsOf))
                .orElse(Set.of(LabRole.PROMETHEUS.port()));
        List<Datasource> right = prometheus.stream().filter(d -> pointsAt(d.url(), hosts, ports)).toList();
        Datasource shown = right.isEmpty() ? prometheus.get(0) : right.get(0);
        // a datasource that reaches no Prometheus shows no panel: where it points is most of the line
        Message found = shown.url().isEmpty() ? msg("dashboard.datasource.no-url", shown.name())
                : msg("dashboard.datasource.found", shown.name(), shown.url());
        return Verdict.fromFiles(right.isEmpty() ? WRONG_URL_SHARE : 1)
                .expected(msg("dashboard.datasource.expected", expectedUrl))
                .found(found)
                .at(Message.verbatim(SubmissionFiles.where(submission, shown.file(), shown.line())))
                .hint(right.isEmpty() ? msg("dashboard.datasource.hint", expectedUrl) : Message.NONE)
                .measured(found);
    }

    /**
     * A datasource the grafana container creates at start through Grafana's HTTP API: a script it runs posts to
     * {@code /api/datasources} a JSON definition it mounts. It works, but by hand-made means where provisioning is
     * the lab's way (and survives a lost API call): two thirds of the line when it points at Prometheus.
     */
    private static Optional<Verdict> createdThroughApi(Submission submission, Set<String> hosts, String expectedUrl) {
        Optional<ComposeFile> compose = submission.compose();
        Optional<String> grafana = compose.flatMap(c -> c.serviceFor(LabRole.GRAFANA));
        if (grafana.isEmpty()) {
            return Optional.empty();
        }
        Collection<Path> seen = compose.get().filesSeenBy(grafana.get()).values();
        Optional<Path> script = seen.stream().filter(f -> SubmissionFiles.read(f).contains("/api/datasources")).findFirst();
        Optional<Path> definition = seen.stream().filter(f -> f.toString().endsWith(".json"))
                .filter(f -> "prometheus".equalsIgnoreCase(submission.parse(f).tree().path("type").asText())).findFirst();
        if (script.isEmpty() || definition.isEmpty()) {
            return Optional.empty();
        }
        Set<Integer> ports = compose.get().serviceFor(LabRole.PROMETHEUS).map(compose.get()::portsOf).orElse(Set.of(LabRole.PROMETHEUS.port()));
        String url = submission.parse(definition.get()).tree().path("url").asText("");
        Message found = msg("dashboard.datasource.through-api", SubmissionFiles.where(submission, script.get(), 0),
                SubmissionFiles.where(submission, definition.get(), 0), url);
        return Optional.of(Verdict.fromFiles(THROUGH_API_SHARE * (pointsAt(url, hosts, ports) ? 1 : WRONG_URL_SHARE))
                .expected(msg("dashboard.datasource.expected-file", expectedUrl))
                .found(found)
                .at(Message.verbatim(SubmissionFiles.where(submission, definition.get(), 0)))
                .hint(msg("dashboard.datasource.hint-file", expectedUrl))
                .measured(found));
    }

    /** The names Prometheus answers to on the compose network; the lab's name when there is no such service. */
    private static Set<String> prometheusHosts(Submission submission) {
        return submission.compose()
                .flatMap(compose -> compose.serviceFor(LabRole.PROMETHEUS).map(compose::hostsOf))
                .orElse(Set.of(LabRole.PROMETHEUS.labName()));
    }

    private static boolean pointsAt(String url, Set<String> hosts, Set<Integer> ports) {
        try {
            URI uri = new URI(url.trim());
            return hosts.contains(uri.getHost()) && ports.contains(uri.getPort());
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
