package obsgrader.checks.deployed;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Patience;
import obsgrader.checks.Verdict;
import obsgrader.clients.PrometheusApi;

/** Prometheus and Alertmanager are ready, and Prometheus delivers its alerts to Alertmanager. */
@RubricCheck(id = "deployed.monitoring-healthy", title = "Prometheus and Alertmanager are ready, and Prometheus sends alerts to Alertmanager", live = true)
public final class MonitoringHealthy implements Check {
    @Override
    public Verdict judge(GradingContext context) {
        PrometheusApi prometheus = context.prometheus();
        List<String> problems = new ArrayList<>();
        Duration deadline = context.scrapeInterval().multipliedBy(4);
        if (!Patience.waitUpTo(deadline, prometheus::ready)) {
            problems.add("Prometheus /-/ready does not answer 200");
        }
        if (!Patience.waitUpTo(deadline, () -> context.alertmanager().ready())) {
            problems.add("Alertmanager /-/ready does not answer 200");
        }
        if (!Patience.waitUpTo(deadline, () -> !prometheus.alertmanagers().path("activeAlertmanagers").isEmpty())) {
            JsonNode dropped = prometheus.alertmanagers().path("droppedAlertmanagers");
            problems.add("Prometheus has no active Alertmanager" + (dropped.isEmpty() ? "" : " (dropped: " + dropped + ")"));
        }
        return Verdict.live(Verdict.share(3 - problems.size(), 3))
                .expected("Prometheus ready, Alertmanager ready, and listed in Prometheus' activeAlertmanagers")
                .found(problems.isEmpty() ? "all three" : String.join("; ", problems))
                .at("GET /-/ready, GET /api/v1/alertmanagers")
                .hint(problems.isEmpty() ? "" : "prometheus.yml needs alerting.alertmanagers[].static_configs.targets: "
                        + "['alertmanager:9093'] (the compose service name and port).")
                .attach("alertmanagers", prometheus.raw("/api/v1/alertmanagers"));
    }
}
