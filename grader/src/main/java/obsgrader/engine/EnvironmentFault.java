package obsgrader.engine;

import obsgrader.i18n.Message;

/**
 * A fault of the grading machine, not of the submission (no engine, an image that would not build):
 * the run is "not gradable", never a zero for the student.
 */
public class EnvironmentFault extends RuntimeException {
    /** What went wrong, in the report's language when it is written (the exception's own message is English, for logs). */
    private final transient Message reason;

    public EnvironmentFault(Message reason) {
        super(reason.toString());
        this.reason = reason;
    }

    public Message reason() {
        return reason;
    }
}
