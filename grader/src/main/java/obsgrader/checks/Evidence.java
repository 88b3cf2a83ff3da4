package obsgrader.checks;

/** How a check's points were established. */
public enum Evidence {
    /** Observed on the booted stack. */
    LIVE,
    /** Read from the submission's files. */
    STATIC,
    /** Could not be established: zero points, and the report says why. */
    NOT_ASSESSED;

    public String label() {
        return name().toLowerCase().replace('_', '-');
    }
}
