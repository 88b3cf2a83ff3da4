package obsgrader.stack;

/** One service's container as the engine reports it. */
public record ServiceState(String service, String containerId, String status, boolean running, boolean restarting,
                           int restartCount, long exitCode) {

    public boolean healthy() {
        return running && !restarting && restartCount == 0;
    }

    public String describe() {
        if (healthy()) {
            return service + " running";
        }
        return service + " " + status + (exitCode != 0 ? " (exit code " + exitCode + ")" : "")
                + (restartCount > 0 ? ", restarted " + restartCount + "x" : "");
    }
}
