package obsgrader.checks;

import obsgrader.i18n.Message;

/** Thrown when a check's prerequisite is missing (no stack, a service left out): the cause is reported. */
public class NotAssessed extends RuntimeException {
    private final transient Message cause;

    public NotAssessed(Message cause) {
        super(cause.toString());
        this.cause = cause;
    }

    /** The cause, in the report's language when it is a bundle's sentence. */
    public Message cause() {
        return cause;
    }
}
