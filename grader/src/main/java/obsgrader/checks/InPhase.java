package obsgrader.checks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The phase a check belongs to, where its needs do not say it ({@link Phase#of}). */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface InPhase {
    Phase value();

    /**
     * Whether its whole judging is measured: it makes the stack work (boots it, sends it traffic) and judges how the
     * stack bore it, so in a class it waits for its turn and no other measured work runs beside it.
     */
    boolean measured() default false;
}
