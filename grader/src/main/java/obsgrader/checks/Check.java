package obsgrader.checks;

/**
 * One line of the rubric, judged. Its {@link #id()} is the key of its points in the rubric file; its
 * {@link #title()} is the sentence the student reads. A check is small: ask, wait if it must, judge.
 */
public interface Check {
    String id();

    String title();

    /** Whether it needs the booted stack; a live check is not assessed when there is none. */
    default boolean live() {
        return false;
    }

    Verdict judge(GradingContext context) throws Exception;
}
