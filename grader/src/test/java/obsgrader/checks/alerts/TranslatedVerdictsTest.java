package obsgrader.checks.alerts;

import static obsgrader.i18n.Message.msg;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import obsgrader.checks.Check;
import obsgrader.checks.CheckCatalog;
import obsgrader.checks.Fixture;
import obsgrader.checks.Verdict;
import obsgrader.i18n.Message;
import obsgrader.i18n.Messages;
import obsgrader.i18n.Untranslated;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sentence the alerts and SLO checks write is a bundle key, so that a French card says it in French: the
 * static checks judged on variants of the corpus (a beginner's, French names, SLOs in a French README), whose
 * defects take most of the checks' paths. A sentence written as plain text (a literal) fails here.
 */
class TranslatedVerdictsTest {
    private static final Path VARIANTS = Path.of("src/test/resources/corpus/variants");

    static Stream<Arguments> staticChecksOnVariants() {
        List<Check> checks = CheckCatalog.ids().stream().filter(id -> id.startsWith("alerts.") || id.startsWith("slo."))
                .sorted().map(id -> CheckCatalog.find(id).orElseThrow()).filter(check -> !check.live()).toList();
        return Stream.of("weak-beginner", "french-alerts-many-files", "slo-in-readme-fr")
                .flatMap(variant -> checks.stream().map(check -> Arguments.of(check.id(), variant)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("staticChecksOnVariants")
    void everySentenceOfTheVerdictIsABundleKey(String checkId, String variant) throws Exception {
        Check check = CheckCatalog.find(checkId).orElseThrow();
        Verdict verdict = new Fixture(VARIANTS.resolve(variant).resolve("submission")).judge(check);
        assertThat(Untranslated.in(checkId, verdict)).as("%s on %s: sentences no bundle writes", checkId, variant).isEmpty();
        Verdict.Rendered french = verdict.in(Messages.FRENCH);
        assertThat(french.reason() + french.hint() + french.measured()).as("%s on %s in French", checkId, variant)
                .doesNotContain("{alerts.").doesNotContain("{slo.");
    }

    @Test
    void everyIncidentIsNamedInBothLanguages() {
        List<Message> incidents = AlertScenarios.scenarios().stream().map(AlertScenarios.Scenario::meaning).toList();

        assertThat(incidents).allSatisfy(incident -> {
            assertThat(Messages.ENGLISH.has(incident.key())).as(incident.key()).isTrue();
            assertThat(Messages.FRENCH.has(incident.key())).as(incident.key()).isTrue();
        });
    }

    @Test
    void aDrillTimelineReadsInTheReportsLanguage() {
        FaultTimeline timeline = FaultTimeline.inject(msg("alerts.timeline.stopped", "api"));
        timeline.record(msg("alerts.timeline.state", "InstanceDown", "pending"));

        assertThat(Messages.ENGLISH.text(timeline.summary())).matches("api stopped \\(\\+0 s\\); InstanceDown pending in Prometheus \\(\\+\\d+ s\\)");
        assertThat(Messages.FRENCH.text(timeline.summary())).matches("api arrêté \\(\\+0 s\\) ; InstanceDown pending dans Prometheus \\(\\+\\d+ s\\)");
        assertThat(timeline.secondsOf(msg("alerts.timeline.state", "InstanceDown", "pending"))).isPresent();
    }
}
