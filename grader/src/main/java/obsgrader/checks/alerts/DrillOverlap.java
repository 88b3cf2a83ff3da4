package obsgrader.checks.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import obsgrader.checks.GradingContext;

/**
 * Which drills run while another waits, so that a grade takes the time of its longest drill rather than the sum.
 * While the api is stopped and its alert is pending (the outage drill's {@code for}), nothing about the api can
 * fire: the PostgreSQL overload (postgres, its exporter, Prometheus) and the notification drill (Alertmanager
 * alone) run then, each as it would alone. The overload never meets the outage. The notification drill would
 * meet it only once an outage alert fires and is notified, so its verdict stands only when it ended before
 * the shortest {@code for} of the outage alerts had passed; otherwise it is run again after the outage drill.
 */
public final class DrillOverlap {
    private static final String OUTAGE = "alerts.fire-on-outage";
    private static final String POSTGRES = "alerts.postgres-overload";
    private static final String NOTIFICATIONS = "alerts.notifications";
    private static final Map<String, List<String>> GUESTS = Map.of(OUTAGE, List.of(POSTGRES, NOTIFICATIONS));
    /** The outage's stop comes a moment after the guests start: the outage alerts' for is counted from it. */
    private static final Duration STOP_LAG = Duration.ofSeconds(2);

    private DrillOverlap() {
    }

    /** The drills that run while this one waits, in rubric ids; none for most drills. */
    public static List<String> guestsOf(String drill) {
        return GUESTS.getOrDefault(drill, List.of());
    }

    /** Whether a guest's verdict stands, the guest having ended {@code endedAfter} the host drill began. */
    public static boolean undisturbed(String guest, Duration endedAfter, GradingContext context) {
        return !guest.equals(NOTIFICATIONS)
                || endedAfter.plus(STOP_LAG).compareTo(OutageAlertFires.forOfOutageAlerts(context)) < 0;
    }
}
