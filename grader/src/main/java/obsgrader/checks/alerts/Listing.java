package obsgrader.checks.alerts;

import static obsgrader.i18n.Message.msg;

import java.util.List;
import obsgrader.i18n.Message;

/**
 * Items of a sentence that may hold commas themselves (problems, timeline events), one after the other:
 * "a; b; c" in English, "a ; b ; c" in French. A list of names is a list argument instead ("a, b").
 */
public final class Listing {
    private Listing() {
    }

    public static Message semicolons(List<Message> items) {
        return items.stream().reduce((one, other) -> msg("alerts.then", one, other)).orElse(Message.NONE);
    }
}
