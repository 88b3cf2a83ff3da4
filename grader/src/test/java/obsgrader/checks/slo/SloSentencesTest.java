package obsgrader.checks.slo;

import static obsgrader.i18n.Message.msg;
import static org.assertj.core.api.Assertions.assertThat;

import obsgrader.i18n.Message;
import obsgrader.i18n.Messages;
import org.junit.jupiter.api.Test;

/** An SLI's value keeps its three decimals, written for the language (0,998 in French); a count agrees with its noun. */
class SloSentencesTest {
    @Test
    void aRatioIsWrittenWithItsDecimalsForTheLanguage() {
        Message measured = msg("slo.recording-rules.value", "sli:availability:ratio_rate5m", 0.99842,
                msg("slo.recording-rules.gatling-range", 0.95, 0.99));

        assertThat(Messages.ENGLISH.text(measured)).isEqualTo("sli:availability:ratio_rate5m = 0.998 (Gatling saw 0.95 to 0.99)");
        assertThat(Messages.FRENCH.text(measured)).isEqualTo("sli:availability:ratio_rate5m = 0,998 (Gatling a vu de 0,95 à 0,99)");
        assertThat(Messages.FRENCH.text(msg("slo.recording-rules.off", measured, 0.03))).endsWith("écart de plus de 0,03");
    }

    @Test
    void aCountOfPlacesAgreesWithItsNoun() {
        assertThat(Messages.ENGLISH.text(msg("slo.alerts-budget.budget", 1, "x"))).isEqualTo("budget / burn rate in 1 place: x");
        assertThat(Messages.ENGLISH.text(msg("slo.alerts-budget.budget", 11, "x"))).isEqualTo("budget / burn rate in 11 places: x");
        assertThat(Messages.FRENCH.text(msg("slo.alerts-budget.budget", 1, "x"))).isEqualTo("budget / burn rate à 1 endroit : x");
        assertThat(Messages.FRENCH.text(msg("slo.alerts-budget.budget-more", 11, "x"))).isEqualTo("budget / burn rate à 11 endroits : x...");
    }
}
