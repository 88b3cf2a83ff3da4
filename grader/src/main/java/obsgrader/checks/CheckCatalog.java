package obsgrader.checks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import obsgrader.checks.alerts.AlertQuality;
import obsgrader.checks.alerts.AlertmanagerConfigValid;
import obsgrader.checks.alerts.LabAlertsCovered;
import obsgrader.checks.alerts.OutageAlertFires;
import obsgrader.checks.alerts.RuleFilesValid;
import obsgrader.checks.alerts.RulesHealthyLive;
import obsgrader.checks.deployed.LabServicesPresent;
import obsgrader.checks.deployed.MonitoringHealthy;
import obsgrader.checks.deployed.ServicesRunning;
import obsgrader.checks.deployed.ShopThroughNginx;
import obsgrader.checks.deployed.VolumesAndDependencies;
import obsgrader.checks.metrics.CountersFollowTraffic;
import obsgrader.checks.metrics.EveryTargetUp;
import obsgrader.checks.metrics.ExporterMetrics;
import obsgrader.checks.metrics.LabMetricsExposed;
import obsgrader.checks.metrics.ScrapeJobsConfigured;
import obsgrader.checks.slo.SliRecordingRules;
import obsgrader.checks.slo.SloAlertsFire;

/** Every check the grader knows, by rubric id: the rubric file gives them their points. */
public final class CheckCatalog {
    private static final Map<String, Check> CHECKS = new LinkedHashMap<>();

    static {
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
                new CountersFollowTraffic(),
                new RuleFilesValid(),
                new RulesHealthyLive(),
                new LabAlertsCovered(),
                new AlertQuality(),
                new AlertmanagerConfigValid(),
                new OutageAlertFires(),
                new SliRecordingRules(),
                new SloAlertsFire()
        ).forEach(check -> CHECKS.put(check.id(), check));
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
