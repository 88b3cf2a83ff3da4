package obsgrader.checks.deployed;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import obsgrader.checks.Check;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.clients.PrometheusApi;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Prometheus and Alertmanager are ready, and Prometheus delivers its alerts to Alertmanager. */
public final class MonitoringHealthy implements Check {
    @Override
    public String id() {
        return "deployed.monitoring-healthy";
    }

    @Override
    public String title() {
        return "Prometheus and Alertmanager are ready, and Prometheus sends alerts to Alertmanager";
    }

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public Verdict judge(GradingContext context) {
        PrometheusApi prometheus = context.prometheus();
        List<String> problems = new ArrayList<>();
        if (!waitFor(prometheus::ready, context)) {
            problems.add("Prometheus /-/ready does not answer 200");
        }
        if (!waitFor(() -> context.alertmanager().ready(), context)) {
            problems.add("Alertmanager /-/ready does not answer 200");
        }
        if (!waitFor(() -> !prometheus.alertmanagers().path("activeAlertmanagers").isEmpty(), context)) {
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

    private static boolean waitFor(Callable<Boolean> condition, GradingContext context) {
        try {
            Awaitility.await().atMost(context.scrapeInterval().multipliedBy(4))
                    .pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }
}
