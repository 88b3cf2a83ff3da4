package obsgrader.checks.alerts;

import java.util.regex.Pattern;
import obsgrader.submission.Submission;

/**
 * Whether Alertmanager can reach a receiver's host from its container: a service of the stack (by any name it
 * answers to), or a host outside it (a domain name). Loopback is the Alertmanager container itself, and names
 * under {@code .local}, {@code .internal} or {@code .lan} exist on nobody's grading network.
 */
public final class ReceiverHosts {
    private static final Pattern LOOPBACK = Pattern.compile("(?i)localhost|127\\.\\d+\\.\\d+\\.\\d+|0\\.0\\.0\\.0|\\[?::1]?");
    private static final Pattern PRIVATE_SUFFIX = Pattern.compile("(?i).*\\.(local|localdomain|internal|lan|home|test|invalid)$");

    private ReceiverHosts() {
    }

    public static boolean reachable(Submission submission, String host) {
        if (LOOPBACK.matcher(host).matches()) {
            return false;
        }
        if (submission.compose().isEmpty() || submission.compose().flatMap(c -> c.serviceAt(host)).isPresent()) {
            return true; // without a compose file the stack's names are unknown: not the receiver's fault
        }
        return host.contains(".") && !PRIVATE_SUFFIX.matcher(host).matches();
    }
}
