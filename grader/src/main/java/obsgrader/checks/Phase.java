package obsgrader.checks;

import java.util.Locale;
import java.util.Optional;

/**
 * The phases a grading goes through, in order. A class graded at once lets the work whose timings are graded take
 * turns (the build and boot, the load's traffic, the burst's), while the phases that only wait overlap with the
 * others. Which phase a check belongs to is declared: {@link InPhase} on the drills and on the checks that boot,
 * otherwise what it needs says it ({@link Need#LOAD}: the traffic; any other live check reads the booted stack).
 */
public enum Phase {
    /** The images built, the stack booted, the checks that read it as it is. */
    BOOT,
    /** The load phase and the lines that read it. */
    TRAFFIC,
    /** The outage drill, with the drills that run while it waits. */
    OUTAGE,
    /** The burst of orders and slow requests. */
    BURST,
    /** The card summed up and the reports written. */
    COLLECT;

    /** The phase a live check runs in; empty for a check that reads the files alone (it runs beside the others). */
    public static Optional<Phase> of(Check check) {
        InPhase declared = check.getClass().getAnnotation(InPhase.class);
        if (declared != null) {
            return Optional.of(declared.value());
        }
        if (!check.live()) {
            return Optional.empty();
        }
        return Optional.of(check.needs().contains(Need.LOAD) ? TRAFFIC : BOOT);
    }

    /** Whether the check's whole judging is work whose timings are graded ({@link InPhase#measured}). */
    public static boolean measuredThroughout(Check check) {
        InPhase declared = check.getClass().getAnnotation(InPhase.class);
        return declared != null && declared.measured();
    }

    /** As the class's progress line says it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
