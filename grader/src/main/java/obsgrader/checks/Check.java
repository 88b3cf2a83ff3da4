package obsgrader.checks;

import obsgrader.i18n.Messages;

/**
 * One line of the rubric, judged. A check is small: ask, wait if it must, judge. What it is (its rubric
 * id, the sentence the student reads, whether it needs the stack) is said by its {@link RubricCheck}.
 */
public interface Check {
    Verdict judge(GradingContext context) throws Exception;

    /**
     * What a live check can work out from the files alone, done on the files thread while the stack boots and the
     * load runs, kept with {@link GradingContext#once} for its {@link #judge} to find done; nothing by default.
     */
    default void prepare(GradingContext context) throws Exception {
    }

    default String id() {
        return info().id();
    }

    /** The sentence the student reads, in English: the {@code <id>.title} of its criterion's bundle. */
    default String title() {
        return Messages.ENGLISH.title(id(), info().title());
    }

    default boolean live() {
        return info().live();
    }

    default boolean drill() {
        return info().drill();
    }

    private RubricCheck info() {
        RubricCheck info = getClass().getAnnotation(RubricCheck.class);
        if (info == null) {
            throw new IllegalStateException(getClass().getName() + " lacks its @RubricCheck");
        }
        return info;
    }
}
