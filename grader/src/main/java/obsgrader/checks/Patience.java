package obsgrader.checks;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waiting on the live stack, the one way: poll a condition until it holds or a deadline derived from the
 * submission's own intervals passes. A timeout is a finding, not an error: the check then judges what it sees.
 */
public final class Patience {
    private static final Duration POLL = Duration.ofSeconds(2);

    private Patience() {
    }

    /** Whether the condition held before the deadline; exceptions while polling count as "not yet". */
    public static boolean waitUpTo(Duration deadline, Callable<Boolean> condition) {
        try {
            Awaitility.await().atMost(deadline).pollDelay(Duration.ZERO).pollInterval(POLL).ignoreExceptions()
                    .until(condition);
            return true;
        } catch (ConditionTimeoutException e) {
            return false;
        }
    }
}
