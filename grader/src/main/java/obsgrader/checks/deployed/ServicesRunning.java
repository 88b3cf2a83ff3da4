package obsgrader.checks.deployed;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.stack.LabStack;
import obsgrader.stack.ServiceState;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Every service that can run here is running, and none is restarting or has exited. */
@RubricCheck(id = "deployed.services-running", title = "Every service is running, none restarting or exited", live = true)
public final class ServicesRunning implements Check {
    /** A crash loop shows within seconds: every service must stay up this long. */
    private static final Duration SETTLE = Duration.ofSeconds(10);

    @Override
    public Verdict judge(GradingContext context) {
        LabStack stack = context.stack();
        try {
            Awaitility.await().during(SETTLE).atMost(SETTLE.plusSeconds(5)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> stack.services().stream().allMatch(ServiceState::healthy));
        } catch (ConditionTimeoutException e) {
            // judged below, on what the engine reports now
        }
        List<ServiceState> services = stack.services();
        List<ServiceState> unhealthy = services.stream().filter(s -> !s.healthy()).toList();
        return Verdict.live(services.isEmpty() ? 0 : Verdict.share(services.size() - unhealthy.size(), services.size()))
                .expected("every service running, none restarting")
                .found(unhealthy.isEmpty() ? services.size() + " services running"
                        : unhealthy.stream().map(ServiceState::describe).collect(Collectors.joining("; ")))
                .at("docker inspect of the run's containers (logs in the run's logs/ folder)")
                .hint(unhealthy.isEmpty() ? "" : "Read the failing service's log (reports/latest/logs/<service>.log).")
                .attach("services", services.stream().map(ServiceState::describe).collect(Collectors.joining("\n")));
    }
}
