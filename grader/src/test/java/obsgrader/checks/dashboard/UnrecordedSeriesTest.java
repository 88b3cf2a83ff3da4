package obsgrader.checks.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** A panel is not waited for only when its query cannot return data whatever the stack does. */
class UnrecordedSeriesTest {
    private static final Predicate<String> NOTHING_IN_PROMETHEUS = name -> false;

    @Test
    void anUnrecordedRecordingRuleCannotShow() {
        assertThat(UnrecordedSeries.cannotReturnData("sli:availability:ratio_rate30d", Set.of(), NOTHING_IN_PROMETHEUS)).isTrue();
        assertThat(UnrecordedSeries.cannotReturnData("1 - sli:errors:ratio_rate30d", Set.of(), NOTHING_IN_PROMETHEUS)).isTrue();
        assertThat(UnrecordedSeries.cannotReturnData(
                "histogram_quantile(0.95, sum by (le) (rate(api:latency:bucket{job=\"api\"}[5m]))) * 1e3", Set.of(), NOTHING_IN_PROMETHEUS))
                .isTrue();
    }

    @Test
    void whatARuleRecordsOrPrometheusHasMayShow() {
        assertThat(UnrecordedSeries.cannotReturnData("sli:availability:ratio_rate30d", Set.of("sli:availability:ratio_rate30d"),
                NOTHING_IN_PROMETHEUS)).isFalse();
        assertThat(UnrecordedSeries.cannotReturnData("sli:availability:ratio_rate30d", Set.of(), name -> true)).isFalse();
    }

    @Test
    void anExportersSeriesOrAFunctionMakingDataMayShow() {
        assertThat(UnrecordedSeries.cannotReturnData("rate(http_requests_total[5m])", Set.of(), NOTHING_IN_PROMETHEUS)).isFalse();
        assertThat(UnrecordedSeries.cannotReturnData("sli:x:ratio or sum(rate(http_requests_total[1m]))", Set.of(), NOTHING_IN_PROMETHEUS))
                .isFalse();
        assertThat(UnrecordedSeries.cannotReturnData("sli:x:ratio or vector(1)", Set.of(), NOTHING_IN_PROMETHEUS)).isFalse();
        assertThat(UnrecordedSeries.cannotReturnData("absent(sli:x:ratio)", Set.of(), NOTHING_IN_PROMETHEUS)).isFalse();
        assertThat(UnrecordedSeries.cannotReturnData("scalar(sli:x:ratio)", Set.of(), NOTHING_IN_PROMETHEUS)).isFalse();
        assertThat(UnrecordedSeries.cannotReturnData("42", Set.of(), NOTHING_IN_PROMETHEUS)).isFalse();
        assertThat(UnrecordedSeries.cannotReturnData("ALERTS{alertstate=\"firing\"}", Set.of(), NOTHING_IN_PROMETHEUS)).isFalse();
    }
}
