package obsgrader.checks.dashboard;

import java.text.Normalizer;
import java.util.Locale;

/** Text compared for its meaning, not its spelling: English or French, with or without accents and capitals. */
public final class Wording {
    private Wording() {
    }

    /** Lower case, accents and typographic apostrophes dropped: "Mémoire", "MEMOIRE" and "mémoire" read alike. */
    public static String normalise(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace('\u2019', '\'').toLowerCase(Locale.ROOT);
    }
}
