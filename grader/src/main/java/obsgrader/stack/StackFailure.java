package obsgrader.stack;

/** The submission's stack would not build or boot: the student's to fix, with the reason quoted. */
public class StackFailure extends RuntimeException {
    public StackFailure(String message) {
        super(message);
    }

    /** Whether this machine, being offline, is at fault rather than the submission (see {@link BuildFailure}). */
    public boolean offline() {
        return false;
    }
}
