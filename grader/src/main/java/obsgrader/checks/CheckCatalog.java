package obsgrader.checks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import obsgrader.checks.deployed.LabServicesPresent;
import obsgrader.checks.deployed.MonitoringHealthy;
import obsgrader.checks.deployed.ShopThroughNginx;
import obsgrader.checks.metrics.EveryTargetUp;

/** Every check the grader knows, by rubric id: the rubric file gives them their points. */
public final class CheckCatalog {
    private static final Map<String, Check> CHECKS = new LinkedHashMap<>();

    static {
        List.of(
                new LabServicesPresent(),
                new ShopThroughNginx(),
                new MonitoringHealthy(),
                new EveryTargetUp()
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
