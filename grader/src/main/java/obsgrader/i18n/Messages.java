package obsgrader.i18n;

import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The report's sentences in one language, from the resource bundles {@code obsgrader/i18n/<area>.properties}
 * (English) and {@code <area>_fr.properties} (French). A key's first segment names its bundle: {@code report.*}
 * in {@code report.properties}, a check's {@code docs.readme.title} in {@code docs.properties}, so that each
 * criterion's checks keep their sentences beside one another. Arguments: messages are resolved, numbers written
 * for the language without grouping (12,5 in French; or as the pattern says, {@code {0,number,0.000}}), durations
 * in seconds. Immutable: a run holds its own.
 */
public final class Messages {
    /** The languages the grader writes, the first being the default. */
    public static final List<String> LANGUAGES = List.of("en", "fr");
    /** The bundles, one per area of the report: the report itself, the grading run, and one per criterion. */
    public static final List<String> BUNDLES = List.of("report", "grader", "deployed", "metrics", "alerts", "dashboard",
            "docs", "slo", "bonus");
    public static final Messages ENGLISH = new Messages(Locale.ENGLISH);
    public static final Messages FRENCH = new Messages(Locale.FRENCH);

    private static final ResourceBundle.Control NO_FALLBACK = ResourceBundle.Control.getNoFallbackControl(
            ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
    }

    /** The messages of a language code ({@code en}, {@code fr}); an unknown code is refused with the known ones. */
    public static Messages of(String language) {
        return switch (language == null ? "" : language.trim().toLowerCase(Locale.ROOT)) {
            case "", "en" -> ENGLISH;
            case "fr" -> FRENCH;
            default -> throw new IllegalArgumentException("unknown language '" + language + "' (known: "
                    + String.join(", ", LANGUAGES) + ")");
        };
    }

    public Locale locale() {
        return locale;
    }

    public String language() {
        return locale.getLanguage();
    }

    /** The bundle of an area in this language (read as UTF-8, no fallback to the machine's locale). */
    public ResourceBundle bundle(String area) {
        return ResourceBundle.getBundle("obsgrader.i18n." + area, locale, NO_FALLBACK);
    }

    public boolean has(String key) {
        try {
            return bundle(area(key)).containsKey(key);
        } catch (MissingResourceException e) {
            return false;
        }
    }

    /** A key's sentence with its arguments; a key no bundle has reads as the key, so that it shows in tests. */
    public String get(String key, Object... args) {
        if (!has(key)) {
            return "{" + key + "}";
        }
        MessageFormat format = new MessageFormat(bundle(area(key)).getString(key), locale);
        Format[] own = format.getFormatsByArgumentIndex();
        Object[] formatted = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // a pattern that writes a number its own way ({0,number,0.000} for a ratio) is given the number itself
            boolean ownFormat = i < own.length && own[i] != null && args[i] instanceof Number;
            formatted[i] = ownFormat ? args[i] : argument(args[i]);
        }
        return format.format(formatted);
    }

    public String text(Message message) {
        if (message == null) {
            return "";
        }
        return message.key() == null ? message.literal() : get(message.key(), message.args().toArray());
    }

    /** A check's sentence, by its rubric id; the given title when no bundle has it. */
    public String title(String checkId, String fallback) {
        return has(checkId + ".title") ? get(checkId + ".title") : fallback;
    }

    /**
     * A criterion's title, by its rubric id; the rubric's own when no bundle has it or when the instructor's
     * rubric file renamed it (their words are kept as they wrote them).
     */
    public String criterion(String criterionId, String rubricTitle) {
        String key = "report.criterion." + criterionId;
        return has(key) && ENGLISH.get(key).equals(rubricTitle) ? get(key) : rubricTitle;
    }

    /**
     * The label of a fact of the grading environment, by its id ({@code offline}, {@code egress not cut}): the
     * bundle's {@code report.note.<id>}, spaces as hyphens; an id no bundle has is a name (an image, a service).
     */
    public String note(String id) {
        String key = "report.note." + id.replace(' ', '-');
        return has(key) ? get(key) : id;
    }

    /** Points or a measure, e.g. 12.5 in English and 12,5 in French, at most one decimal. */
    public String number(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(1);
        format.setGroupingUsed(false);
        return format.format(value);
    }

    /** A duration in seconds (minutes past 120 s), e.g. "89 s", "4 min 10 s". */
    public String duration(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds < 120 ? get("report.seconds", seconds) : get("report.minutes", seconds / 60, seconds % 60);
    }

    private Object argument(Object arg) {
        if (arg instanceof Message message) {
            return text(message);
        }
        if (arg instanceof Duration duration) {
            return duration(duration);
        }
        if (arg instanceof Number number) {
            // Without grouping: counts, ports and line numbers read 1750, 9090, 12 in every language.
            return number(number.doubleValue());
        }
        if (arg instanceof Collection<?> items) {
            return items.stream().map(item -> String.valueOf(argument(item))).collect(Collectors.joining(", "));
        }
        return arg;
    }

    private static String area(String key) {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(0, dot);
    }
}
