package obsgrader.checks.deployed;

import static obsgrader.i18n.Message.msg;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import obsgrader.checks.Check;
import obsgrader.checks.Need;
import obsgrader.checks.Needs;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Patience;
import obsgrader.checks.Verdict;
import obsgrader.i18n.Message;
import obsgrader.clients.PrometheusApi;

/** Prometheus and Alertmanager are ready, and Prometheus delivers its alerts to Alertmanager. */
@Needs(Need.PROMETHEUS)
@RubricCheck(id = "deployed.monitoring-healthy", live = true)
public final class MonitoringHealthy implements Check {
    @Override
    public Verdict judge(GradingContext context) {
        PrometheusApi prometheus = context.prometheus();
        List<Message> problems = new ArrayList<>();
        Duration deadline = context.scrapeInterval().multipliedBy(4);
        if (!Patience.waitUpTo(deadline, prometheus::ready)) {
            problems.add(msg("deployed.monitoring-healthy.not-ready", "Prometheus"));
        }
        if (!Patience.waitUpTo(deadline, () -> context.alertmanager().ready())) {
            problems.add(msg("deployed.monitoring-healthy.not-ready", "Alertmanager"));
        }
        if (!Patience.waitUpTo(deadline, () -> !prometheus.alertmanagers().path("activeAlertmanagers").isEmpty())) {
            JsonNode dropped = prometheus.alertmanagers().path("droppedAlertmanagers");
            problems.add(dropped.isEmpty() ? msg("deployed.monitoring-healthy.no-alertmanager")
                    : msg("deployed.monitoring-healthy.dropped", dropped.toString()));
        }
        return Verdict.live(Verdict.share(3 - problems.size(), 3))
                .expected(msg("deployed.monitoring-healthy.expected"))
                .found(problems.isEmpty() ? msg("deployed.monitoring-healthy.all") : msg("deployed.list", problems))
                .at(Message.verbatim("GET /-/ready, GET /api/v1/alertmanagers"))
                .hint(problems.isEmpty() ? Message.NONE : msg("deployed.monitoring-healthy.hint"))
                .measured(msg("deployed.monitoring-healthy.all"))
                .attach("alertmanagers", prometheus.raw("/api/v1/alertmanagers"));
    }
}
