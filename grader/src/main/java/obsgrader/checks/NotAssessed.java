package obsgrader.checks;

/** Thrown when a check's prerequisite is missing (no stack, a service left out): the cause is reported. */
public class NotAssessed extends RuntimeException {
    public NotAssessed(String cause) {
        super(cause);
    }
}
