package obsgrader.submission;

import java.nio.file.Path;

/**
 * One volume entry of a compose service: a host path (bind mount) or a named volume, seen inside the
 * container at {@code target}.
 */
public record Mount(String service, String source, Path hostPath, String target, boolean readOnly) {

    public boolean isBind() {
        return hostPath != null;
    }

    /** The host path behind a container path under this mount's target, if the mount covers it. */
    Path hostPathOf(String containerPath) {
        if (!isBind()) {
            return null;
        }
        String target = this.target.endsWith("/") && this.target.length() > 1
                ? this.target.substring(0, this.target.length() - 1) : this.target;
        if (containerPath.equals(target)) {
            return hostPath;
        }
        if (containerPath.startsWith(target + "/")) {
            return hostPath.resolve(containerPath.substring(target.length() + 1));
        }
        return null;
    }
}
