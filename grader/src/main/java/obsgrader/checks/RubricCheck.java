package obsgrader.checks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What a check is, for the rubric and the report; it attaches attributes and nothing more. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RubricCheck {
    /** The key of the check's points in the rubric file, e.g. {@code metrics.targets-up}. */
    String id();

    /**
     * The sentence the student reads, in English; the bundles' {@code <id>.title} keys (one per language) win
     * over it, and a test holds the two equal while both exist.
     */
    String title() default "";

    /** Whether it reads the running stack: it is then judged on the main thread, not beside the boot. What it needs is its {@link Needs}. */
    boolean live() default false;

    /**
     * Whether it disturbs the stack (stops a service, overloads it, fires alerts): such drills run after every
     * other check, so that none judges a stack in the middle of an incident; the card keeps the rubric's order.
     */
    boolean drill() default false;
}
