package obsgrader.checks.bonus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.checks.dashboard.Provisioning;
import obsgrader.checks.dashboard.SubmissionFiles;

/**
 * Logs are collected: a Loki service (half the points) fed by a log shipper or read through a provisioned
 * Loki datasource (the other half). Read from the files only: Loki has no offline image.
 */
@RubricCheck(id = "bonus.loki", title = "Bonus: logs collected in Loki")
public final class LokiLogs implements Check {
    private static final Set<String> SHIPPERS = Set.of("promtail", "agent", "alloy", "fluent-bit", "fluentd", "vector");

    @Override
    public Verdict judge(GradingContext context) {
        List<String> loki = ComposeServices.running(context.submission(), Set.of("loki"));
        List<String> shippers = new ArrayList<>(ComposeServices.running(context.submission(), SHIPPERS));
        context.submission().compose().ifPresent(compose -> compose.services().forEach((name, service) -> {
            if ("loki".equals(service.path("logging").path("driver").asText())) {
                shippers.add(name + " (loki logging driver)");
            }
        }));
        List<String> datasources = Provisioning.datasources(context.submission()).stream()
                .filter(d -> "loki".equals(d.type()))
                .map(d -> "datasource \"" + d.name() + "\" (" + SubmissionFiles.where(context.submission(), d.file(), d.line()) + ")")
                .toList();
        boolean fed = !shippers.isEmpty() || !datasources.isEmpty();
        List<String> found = new ArrayList<>();
        found.add(loki.isEmpty() ? "no Loki service" : "Loki service " + String.join(", ", loki));
        found.add(shippers.isEmpty() ? "no log shipper" : "shipper " + String.join(", ", shippers));
        found.add(datasources.isEmpty() ? "no Loki datasource" : String.join(", ", datasources));
        return Verdict.fromFiles(loki.isEmpty() ? 0 : fed ? 1 : 0.5)
                .expected("a Loki service (grafana/loki) with a log shipper (promtail, grafana-agent, alloy, fluent-bit) "
                        + "or a provisioned Loki datasource")
                .found(String.join("; ", found) + "; " + ComposeServices.staticNote("Loki"))
                .at("docker-compose.yml, grafana provisioning")
                .hint(loki.isEmpty() || !fed ? "Add grafana/loki, promtail reading the containers' logs, and a Loki "
                        + "datasource (type: loki, url: http://loki:3100) in Grafana's provisioning." : "");
    }
}
