package obsgrader.stack;

import static obsgrader.i18n.Message.msg;

import obsgrader.i18n.Message;

/** One service's container as the engine reports it. */
public record ServiceState(String service, String containerId, String status, boolean running, boolean restarting,
                           int restartCount, long exitCode) {

    public boolean healthy() {
        return running && !restarting && restartCount == 0;
    }

    /** In the report's language: "api running", "api exited (exit code 1), restarted 3x" (the status is Docker's word). */
    public Message state() {
        if (healthy()) {
            return msg("grader.service.running", service);
        }
        return msg("grader.service.state", service, status,
                exitCode != 0 ? msg("grader.service.exit-code", exitCode) : Message.NONE,
                restartCount > 0 ? msg("grader.service.restarted", restartCount) : Message.NONE);
    }

    /** {@link #state()} in English, for logs and evidence. */
    public String describe() {
        return state().toString();
    }
}
