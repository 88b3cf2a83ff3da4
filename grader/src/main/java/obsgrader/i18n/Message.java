package obsgrader.i18n;

import java.util.List;
import java.util.Objects;

/**
 * A sentence of the report, kept as a bundle key and its arguments until the report is written in the run's
 * language ({@link Messages#text}). Arguments may be messages themselves, numbers and durations (formatted for
 * the language) or plain text (file names, PromQL, what a student wrote: never translated). A literal is text
 * no bundle knows yet: it reads the same in every language.
 */
public record Message(String key, List<Object> args, String literal) {

    public Message {
        args = List.copyOf(args);
    }

    /** A bundle key and its arguments, e.g. {@code msg("docs.readme.found", sections)}. */
    public static Message msg(String key, Object... args) {
        return new Message(Objects.requireNonNull(key), List.of(args), null);
    }

    /** Text not translated (yet): shown as it is in every language. */
    public static Message literal(String text) {
        return new Message(null, List.of(), text == null ? "" : text);
    }

    public static final Message NONE = literal("");

    /**
     * Text shown as it is written in every language, yet marked as meant so: a file and line, an endpoint, a
     * query, a tool's own output. Unlike a {@link #literal}, no sentence is waiting for its bundle key here.
     */
    public static Message verbatim(Object text) {
        return msg("grader.verbatim", text);
    }

    /**
     * Clauses one after another, separated as the language separates them ("a; b" in English, "a ; b" in
     * French): for a list whose items hold commas themselves. {@link #NONE} when there is none.
     */
    public static Message clauses(List<Message> parts) {
        return parts.stream().reduce((one, other) -> msg("grader.clauses", one, other)).orElse(NONE);
    }

    public boolean isEmpty() {
        return key == null && literal.isEmpty();
    }

    /** English, for logs and tests. */
    @Override
    public String toString() {
        return Messages.ENGLISH.text(this);
    }
}
