package obsgrader.engine;

/**
 * A fault of the grading machine, not of the submission (no engine, an image that would not build):
 * the run is "not gradable", never a zero for the student.
 */
public class EnvironmentFault extends RuntimeException {
    public EnvironmentFault(String message) {
        super(message);
    }
}
