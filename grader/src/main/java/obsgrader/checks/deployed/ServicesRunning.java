package obsgrader.checks.deployed;

import static obsgrader.i18n.Message.msg;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import obsgrader.checks.Check;
import obsgrader.checks.InPhase;
import obsgrader.checks.Need;
import obsgrader.checks.Needs;
import obsgrader.checks.Phase;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.i18n.Message;
import obsgrader.stack.LabStack;
import obsgrader.stack.ServiceState;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Every service that can run here is running, and none is restarting or has exited. */
@Needs(Need.STACK)
@InPhase(value = Phase.BOOT, measured = true)
@RubricCheck(id = "deployed.services-running", live = true)
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
                .expected(msg("deployed.services-running.expected"))
                .found(unhealthy.isEmpty() ? msg("deployed.services-running.all", services.size())
                        : Message.clauses(unhealthy.stream().map(ServiceState::state).toList()))
                .at(msg("deployed.services-running.where"))
                .hint(unhealthy.isEmpty() ? Message.NONE : msg("deployed.services-running.hint"))
                .measured(msg("deployed.services-running.measured", services.size(), SETTLE))
                .attach("services", services.stream().map(ServiceState::describe).collect(Collectors.joining("\n")));
    }
}
