package obsgrader.i18n;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import obsgrader.checks.Verdict;

/**
 * The sentences of a verdict no bundle writes, for the tests that hold every sentence translated: a plain text
 * (a {@link Message#literal}, at the top or inside a sentence's arguments) or a sentence whose French names a
 * key the bundles lack ("... {dashboard.panels.rows}").
 */
public final class Untranslated {
    private Untranslated() {
    }

    /** Each as "check part: text", empty when every sentence of the verdict is a bundle's. */
    public static List<String> in(String checkId, Verdict verdict) {
        List<String> untranslated = new ArrayList<>();
        sentences(verdict).forEach((part, sentence) -> {
            literals(sentence).forEach(text -> untranslated.add(checkId + " " + part + ": " + text));
            String french = Messages.FRENCH.text(sentence);
            if (Messages.BUNDLES.stream().anyMatch(bundle -> french.contains("{" + bundle + "."))) {
                untranslated.add(checkId + " " + part + " names a key French lacks: " + french);
            }
        });
        return untranslated;
    }

    private static Map<String, Message> sentences(Verdict verdict) {
        Map<String, Message> sentences = new LinkedHashMap<>();
        sentences.put("expected", verdict.texts().expected());
        sentences.put("found", verdict.texts().found());
        sentences.put("where", verdict.texts().where());
        sentences.put("hint", verdict.texts().hint());
        sentences.put("measured", verdict.texts().measured());
        verdict.pictures().forEach(picture -> sentences.put("picture " + picture.file(), picture.name()));
        return sentences;
    }

    /** The plain-text parts of a sentence, its arguments' sentences included (an empty one is no sentence). */
    private static Stream<String> literals(Object part) {
        if (part instanceof Message message) {
            return message.key() == null ? Stream.of(message.literal()).filter(text -> !text.isEmpty())
                    : literals(message.args());
        }
        if (part instanceof Collection<?> items) {
            return items.stream().flatMap(Untranslated::literals);
        }
        return Stream.empty();
    }
}
