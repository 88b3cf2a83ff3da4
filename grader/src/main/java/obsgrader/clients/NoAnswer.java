package obsgrader.clients;

import static obsgrader.i18n.Message.msg;

import obsgrader.i18n.Message;

/**
 * The stack gave no usable answer: a refused connection, a timeout, a reply that is not what its API sends. Thrown
 * where it happens, by the clients: it is the submission's doing, and costs the check's points.
 */
public final class NoAnswer extends RuntimeException {
    private final transient Message reason;

    private NoAnswer(Message reason, Throwable cause) {
        super(reason.toString(), cause);
        this.reason = reason;
    }

    /** Nothing came back: the connection was refused, reset or timed out. */
    static NoAnswer silent(String request, Throwable cause) {
        return new NoAnswer(msg("grader.no-answer", request + ": " + cause.getMessage()), cause);
    }

    /** Something came back, but not what the API answers (not JSON, an unexpected status). */
    static NoAnswer unusable(String request, String what) {
        return new NoAnswer(msg("grader.bad-answer", request, what), null);
    }

    /** The reason, in the report's language. */
    public Message reason() {
        return reason;
    }
}
