package obsgrader.checks.dashboard;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.checks.dashboard.Provisioning.Datasource;
import obsgrader.submission.LabRole;
import obsgrader.submission.Submission;

/** Grafana gets its Prometheus datasource from a provisioning file, pointed at the compose Prometheus service. */
@RubricCheck(id = "dashboard.datasource", title = "Grafana's Prometheus datasource is provisioned and points at the Prometheus service")
public final class DatasourceProvisioned implements Check {
    private static final double WRONG_URL_SHARE = 1.0 / 3;

    @Override
    public Verdict judge(GradingContext context) {
        Submission submission = context.submission();
        Set<String> hosts = prometheusHosts(submission);
        String expectedUrl = "http://" + hosts.iterator().next() + ":" + LabRole.PROMETHEUS.port();
        List<Datasource> all = Provisioning.datasources(submission);
        List<Datasource> prometheus = all.stream().filter(d -> "prometheus".equalsIgnoreCase(d.type())).toList();
        if (prometheus.isEmpty()) {
            return Verdict.fromFiles(0)
                    .expected("a datasource of type prometheus with url " + expectedUrl + " in a provisioning file")
                    .found(all.isEmpty() ? "no provisioning file declaring 'datasources:'"
                            : "datasources of type " + all.stream().map(Datasource::type).distinct().collect(Collectors.joining(", ")))
                    .at(submission.grafanaProvisioning().map(p -> SubmissionFiles.where(submission, p, 0)).orElse("grafana/provisioning/datasources/"))
                    .hint("Write grafana/provisioning/datasources/datasources.yml (apiVersion: 1, datasources: [{name: Prometheus, "
                            + "type: prometheus, access: proxy, url: " + expectedUrl + ", isDefault: true}]) and mount "
                            + "./grafana/provisioning on /etc/grafana/provisioning.");
        }
        Set<Integer> ports = submission.compose().flatMap(c -> c.serviceFor(LabRole.PROMETHEUS).map(c::portsOf))
                .orElse(Set.of(LabRole.PROMETHEUS.port()));
        List<Datasource> right = prometheus.stream().filter(d -> pointsAt(d.url(), hosts, ports)).toList();
        Datasource shown = right.isEmpty() ? prometheus.get(0) : right.get(0);
        // a datasource that reaches no Prometheus shows no panel: where it points is most of the line
        return Verdict.fromFiles(right.isEmpty() ? WRONG_URL_SHARE : 1)
                .expected("a prometheus datasource with url " + expectedUrl)
                .found("datasource \"" + shown.name() + "\" with url " + (shown.url().isEmpty() ? "(none)" : shown.url()))
                .at(SubmissionFiles.where(submission, shown.file(), shown.line()))
                .hint(right.isEmpty() ? "Grafana reaches Prometheus over the compose network: use the service name and the "
                        + "container port (" + expectedUrl + "); localhost is Grafana's own container." : "");
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
