package obsgrader.checks;

/**
 * Whose fault a verdict is, carried by the verdict as a value: reports show a fault of the machine or the grader
 * apart from the student's lost points, and such a fault never costs the student anything.
 */
public enum Fault {
    /** The verdict is the submission's own: what it earned, or why it could not be judged (no stack, static mode). */
    NONE,
    /** The grading machine failed: no engine, an engine or compose command that failed, an image that would not build. */
    MACHINE,
    /** The grader failed: its own files, its own bug. */
    GRADER
}
