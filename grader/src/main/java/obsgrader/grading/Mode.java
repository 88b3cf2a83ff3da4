package obsgrader.grading;

/** {@code -Dgrader.mode}: {@code full} boots the stack; {@code static} reads the files only, with no Docker. */
public enum Mode {
    FULL, STATIC;

    public static Mode parse(String value) {
        return value == null || value.isBlank() ? FULL : valueOf(value.trim().toUpperCase());
    }
}
