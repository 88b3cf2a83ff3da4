package obsgrader.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import obsgrader.checks.Verdict;
import obsgrader.grading.Mode;
import obsgrader.report.ScoreCard.CheckScore;
import obsgrader.report.ScoreCard.CriterionScore;
import org.junit.jupiter.api.Test;
import obsgrader.i18n.Message;

class ScoreCardTest {
    @Test
    void aFullRunPassesOrFailsOnItsPoints() {
        assertThat(card(Mode.FULL, 70).outcome()).isEqualTo("PASSED");
        assertThat(card(Mode.FULL, 69.5).outcome()).isEqualTo("FAILED");
    }

    @Test
    void aStaticRunLeavesThePassMarkOpenUntilItIsOutOfReach() {
        assertThat(card(Mode.STATIC, 30).outcome()).isEqualTo("open (static: 30 confirmed, up to 90 if every live check passes)");
        assertThat(card(Mode.STATIC, 9).outcome()).isEqualTo("OUT OF REACH (static: at most 69)");
    }

    /** A card of two checks: a static one worth 40 with {@code points}, and a live one worth 60 not assessed. */
    private static ScoreCard card(Mode mode, double points) {
        List<CheckScore> checks = List.of(
                new CheckScore("c", "c.files", "files", points, 40, Verdict.fromFiles(points / 40)),
                new CheckScore("c", "c.live", "live", 0, 60, Verdict.notAssessed(Message.literal("static mode"))));
        return new ScoreCard("student", "test", 70, mode, Instant.now(), Duration.ZERO, null, Map.of(),
                List.of(new CriterionScore("c", "criterion", 100, checks)), List.of(), 0);
    }
}
