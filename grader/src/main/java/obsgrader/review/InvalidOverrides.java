package obsgrader.review;

/** An overrides file the grader refuses, every fault with the file and line: nothing is graded until it is fixed. */
public class InvalidOverrides extends IllegalArgumentException {
    public InvalidOverrides(String message) {
        super(message);
    }
}
