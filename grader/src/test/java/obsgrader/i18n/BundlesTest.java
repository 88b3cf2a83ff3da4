package obsgrader.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import obsgrader.checks.Check;
import obsgrader.checks.CheckCatalog;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.Verdict;
import org.junit.jupiter.api.Test;

/** Every sentence exists in every language, with the same arguments, and every key the code uses exists. */
class BundlesTest {
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");
    /** msg("docs.readme.found", ...) and messages.get("report.card.hint", ...); a key built from parts is not seen. */
    private static final Pattern KEY_IN_CODE = Pattern.compile("(?:msg|get)\\(\"(([a-z]+)\\.[a-z0-9.-]*[a-z0-9])\"");

    @Test
    void everyKeyOfOneLanguageIsInTheOtherWithTheSameArguments() {
        for (String area : Messages.BUNDLES) {
            ResourceBundle english = Messages.ENGLISH.bundle(area);
            ResourceBundle french = Messages.FRENCH.bundle(area);
            assertThat(french.keySet()).as("%s_fr.properties against %s.properties", area, area)
                    .containsExactlyInAnyOrderElementsOf(english.keySet());
            for (String key : english.keySet()) {
                assertThat(key).as("a key of %s.properties starts with its area", area).startsWith(area + ".");
                assertThat(arguments(french.getString(key))).as("the arguments of %s in French", key)
                        .isEqualTo(arguments(english.getString(key)));
            }
        }
    }

    @Test
    void everyApostropheIsDoubledForMessageFormatAndOnlyBracesAreQuoted() {
        for (String area : Messages.BUNDLES) {
            for (Messages messages : List.of(Messages.ENGLISH, Messages.FRENCH)) {
                ResourceBundle bundle = messages.bundle(area);
                bundle.keySet().forEach(key -> assertThat(bundle.getString(key).replace("''", "")
                        .replaceAll("'[^']*[{}][^']*'", "")).as("%s in %s: write '' for an apostrophe", key, messages.language())
                        .doesNotContain("'"));
            }
        }
    }

    @Test
    void everyCheckHasItsTitleInEveryLanguageAndItsAnnotationAgrees() {
        for (String id : CheckCatalog.ids()) {
            Check check = CheckCatalog.find(id).orElseThrow();
            assertThat(Messages.ENGLISH.has(id + ".title")).as("%s.title in English", id).isTrue();
            assertThat(Messages.FRENCH.has(id + ".title")).as("%s.title in French", id).isTrue();
            String annotated = check.getClass().getAnnotation(RubricCheck.class).title();
            if (!annotated.isEmpty()) {
                assertThat(Messages.ENGLISH.get(id + ".title")).as("the bundle's and @RubricCheck's title of %s", id)
                        .isEqualTo(annotated);
            }
        }
    }

    @Test
    void everyKeyTheCodeUsesIsInTheBundles() throws IOException {
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher key = KEY_IN_CODE.matcher(Files.readString(source));
                while (key.find()) {
                    if (Messages.BUNDLES.contains(key.group(2)) && !Messages.ENGLISH.has(key.group(1))) {
                        missing.add(key.group(1) + " (" + source.getFileName() + ")");
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void numbersAndDurationsAreWrittenForTheLanguage() {
        assertThat(Messages.ENGLISH.number(12.5)).isEqualTo("12.5");
        assertThat(Messages.FRENCH.number(12.5)).isEqualTo("12,5");
        assertThat(Messages.FRENCH.number(1750)).isEqualTo("1750");
        assertThat(Messages.FRENCH.duration(Duration.ofSeconds(250))).isEqualTo("4 min 10 s");
    }

    @Test
    void aVerdictKeepsItsShapeInBothLanguages() {
        Verdict verdict = Verdict.fromFiles(0).expected(Message.msg("grader.complete")).found(Message.literal("x")).at(Message.verbatim("README.md:3"));

        assertThat(verdict.in(Messages.ENGLISH).reason()).isEqualTo("expected the check to complete; found x; at README.md:3");
        assertThat(verdict.in(Messages.FRENCH).reason())
                .isEqualTo("attendu : que la vérification aboutisse ; trouvé : x ; où : README.md:3");
        assertThat(Messages.FRENCH.text(Message.msg("grader.deadline", 45L))).contains("45 min");
    }

    @Test
    void anUnknownLanguageIsRefusedWithTheKnownOnes() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> Messages.of("de")))
                .hasMessageContaining("unknown language 'de' (known: en, fr)");
    }

    private static List<String> arguments(String pattern) {
        List<String> arguments = new ArrayList<>();
        Matcher argument = ARGUMENT.matcher(pattern.replace("'{'", ""));
        while (argument.find()) {
            arguments.add(argument.group(1));
        }
        return arguments.stream().distinct().sorted().toList();
    }
}
