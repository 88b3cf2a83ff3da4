package obsgrader.checks.bonus;

import static obsgrader.i18n.Message.msg;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.i18n.Message;
import obsgrader.checks.dashboard.Provisioning;
import obsgrader.checks.dashboard.SubmissionFiles;

/**
 * Logs are collected: a Loki service (half the points) fed by a log shipper or read through a provisioned
 * Loki datasource (the other half). Read from the files only: Loki has no offline image.
 */
@RubricCheck(id = "bonus.loki")
public final class LokiLogs implements Check {
    private static final Set<String> SHIPPERS = Set.of("promtail", "agent", "alloy", "fluent-bit", "fluentd", "vector");

    @Override
    public Verdict judge(GradingContext context) {
        List<String> loki = ComposeServices.running(context.submission(), Set.of("loki"));
        List<String> shippers = new ArrayList<>(ComposeServices.running(context.submission(), SHIPPERS));
        context.submission().compose().ifPresent(compose -> compose.services().forEach((name, service) -> {
            if ("loki".equals(service.path("logging").path("driver").asText())) {
                shippers.add(name + " (logging: loki)");
            }
        }));
        List<Message> datasources = Provisioning.datasources(context.submission()).stream()
                .filter(d -> "loki".equals(d.type()))
                .map(d -> msg("bonus.datasource", d.name(), SubmissionFiles.where(context.submission(), d.file(), d.line())))
                .toList();
        boolean fed = !shippers.isEmpty() || !datasources.isEmpty();
        Message found = msg("bonus.loki.found",
                loki.isEmpty() ? msg("bonus.loki.no-service") : msg("bonus.loki.service", loki),
                shippers.isEmpty() ? msg("bonus.loki.no-shipper") : msg("bonus.loki.shipper", shippers),
                datasources.isEmpty() ? msg("bonus.loki.no-datasource") : msg("bonus.list", datasources),
                ComposeServices.staticNote("Loki"));
        return Verdict.fromFiles(loki.isEmpty() ? 0 : fed ? 1 : 0.5)
                .expected(msg("bonus.loki.expected"))
                .found(found)
                .at(msg("bonus.loki.where"))
                .hint(loki.isEmpty() || !fed ? msg("bonus.loki.hint") : Message.NONE)
                .measured(found);
    }
}
