package obsgrader.grading;

import java.util.Locale;

/** {@code -Dgrader.mode}: {@code full} boots the stack; {@code static} reads the files only, with no Docker. */
public enum Mode {
    FULL, STATIC;

    public static Mode parse(String value) {
        return value == null || value.isBlank() ? FULL : valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /** As the option spells it, and as reports and results.json write it: {@code full}, {@code static}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return label();
    }
}
