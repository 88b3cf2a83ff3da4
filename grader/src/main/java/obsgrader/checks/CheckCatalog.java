package obsgrader.checks;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import obsgrader.checks.alerts.AlertQuality;
import obsgrader.checks.alerts.AlertmanagerConfigValid;
import obsgrader.checks.alerts.BurstAlertsPending;
import obsgrader.checks.alerts.LabAlertsCovered;
import obsgrader.checks.alerts.NotificationsDelivered;
import obsgrader.checks.alerts.OutageAlertFires;
import obsgrader.checks.alerts.PostgresOverloadVisible;
import obsgrader.checks.alerts.RuleFilesValid;
import obsgrader.checks.alerts.RulesHealthyLive;
import obsgrader.checks.bonus.AutomatedRunbook;
import obsgrader.checks.bonus.CustomWebhooks;
import obsgrader.checks.bonus.LokiLogs;
import obsgrader.checks.bonus.TempoTraces;
import obsgrader.checks.dashboard.DashboardProvisioned;
import obsgrader.checks.dashboard.DashboardReadable;
import obsgrader.checks.dashboard.DatasourceProvisioned;
import obsgrader.checks.dashboard.GrafanaServesDashboard;
import obsgrader.checks.dashboard.LabPanelsPresent;
import obsgrader.checks.dashboard.PanelQueriesReturnData;
import obsgrader.checks.deployed.LabServicesPresent;
import obsgrader.checks.deployed.MonitoringHealthy;
import obsgrader.checks.deployed.ServicesRunning;
import obsgrader.checks.deployed.ShopThroughNginx;
import obsgrader.checks.deployed.VolumesAndDependencies;
import obsgrader.checks.metrics.EveryTargetUp;
import obsgrader.checks.metrics.ExporterMetrics;
import obsgrader.checks.metrics.LabMetricsExposed;
import obsgrader.checks.metrics.LatencyHistogramMatchesLoad;
import obsgrader.checks.metrics.OrdersAndCartsMatchLoad;
import obsgrader.checks.metrics.RequestsMatchLoad;
import obsgrader.checks.metrics.ScrapeJobsConfigured;
import obsgrader.checks.docs.AlertsAnnotated;
import obsgrader.checks.docs.ReadmeExplainsStack;
import obsgrader.checks.docs.RunbooksOrAnnotations;
import obsgrader.checks.slo.SliRecordingRules;
import obsgrader.checks.slo.SloAlertsAndBudget;
import obsgrader.checks.slo.SloAlertsFire;
import obsgrader.checks.slo.SloDocumentComplete;

/** Every check the grader knows, by rubric id: the rubric file gives them their points. */
public final class CheckCatalog {
    private static final Map<String, Check> CHECKS = catalog();

    private static Map<String, Check> catalog() {
        Map<String, Check> checks = new LinkedHashMap<>();
        List.of(
                new LabServicesPresent(),
                new ServicesRunning(),
                new ShopThroughNginx(),
                new MonitoringHealthy(),
                new VolumesAndDependencies(),
                new ScrapeJobsConfigured(),
                new EveryTargetUp(),
                new LabMetricsExposed(),
                new ExporterMetrics(),
                new RequestsMatchLoad(),
                new OrdersAndCartsMatchLoad(),
                new LatencyHistogramMatchesLoad(),
                new RuleFilesValid(),
                new RulesHealthyLive(),
                new LabAlertsCovered(),
                new AlertQuality(),
                new AlertmanagerConfigValid(),
                new OutageAlertFires(),
                new PostgresOverloadVisible(),
                new BurstAlertsPending(),
                new NotificationsDelivered(),
                new DatasourceProvisioned(),
                new DashboardProvisioned(),
                new LabPanelsPresent(),
                new PanelQueriesReturnData(),
                new DashboardReadable(),
                new GrafanaServesDashboard(),
                new SloDocumentComplete(),
                new SliRecordingRules(),
                new SloAlertsFire(),
                new SloAlertsAndBudget(),
                new ReadmeExplainsStack(),
                new AlertsAnnotated(),
                new RunbooksOrAnnotations(),
                new LokiLogs(),
                new TempoTraces(),
                new AutomatedRunbook(),
                new CustomWebhooks()
        ).forEach(check -> checks.put(check.id(), check));
        return Collections.unmodifiableMap(checks);
    }

    private CheckCatalog() {
    }

    public static Optional<Check> find(String id) {
        return Optional.ofNullable(CHECKS.get(id));
    }

    public static List<String> ids() {
        return List.copyOf(CHECKS.keySet());
    }
}
