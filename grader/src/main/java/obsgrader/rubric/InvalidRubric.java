package obsgrader.rubric;

/** A rubric file the grader refuses, with the file and line at fault. */
public class InvalidRubric extends RuntimeException {
    public InvalidRubric(String message) {
        super(message);
    }
}
