package obsgrader.stack;

import obsgrader.i18n.Message;

/** The submission's stack would not build or boot: the student's to fix, with the reason quoted. */
public class StackFailure extends RuntimeException {
    private final transient Message reason;

    /** @param reason a sentence of the {@code grader} bundle, quoting what the engine or compose said */
    public StackFailure(Message reason) {
        super(reason.toString());
        this.reason = reason;
    }

    /** The reason, in the report's language. */
    public Message reason() {
        return reason;
    }

    /** Whether this machine, being offline, is at fault rather than the submission (see {@link BuildFailure}). */
    public boolean offline() {
        return false;
    }
}
