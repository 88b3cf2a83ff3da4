package obsgrader.checks;

import java.util.Optional;
import obsgrader.submission.LabRole;

/**
 * What a check needs before it can be judged, declared with {@link Needs}. The run resolves each once, in this
 * order, before the check's {@code judge} runs; an unmet one makes the line "not assessed" with its own reason
 * (no stack in a static run, a stack that did not boot, a service left out, a load phase that failed), so that
 * no verdict depends on the order of calls inside a check.
 */
public enum Need {
    /** The booted stack. */
    STACK,
    /** The stack's Prometheus service, booted (whether it answers is the check's to judge). */
    PROMETHEUS,
    /** The stack's Alertmanager service, booted. */
    ALERTMANAGER,
    /** The shop through the stack's nginx, booted. */
    SHOP,
    /** The load phase, run (once a run). */
    LOAD;

    /** The lab service the need is, for the two that are one service of the stack. */
    public Optional<LabRole> service() {
        return switch (this) {
            case PROMETHEUS -> Optional.of(LabRole.PROMETHEUS);
            case ALERTMANAGER -> Optional.of(LabRole.ALERTMANAGER);
            default -> Optional.empty();
        };
    }
}
