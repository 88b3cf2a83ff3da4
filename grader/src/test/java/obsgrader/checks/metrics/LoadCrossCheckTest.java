package obsgrader.checks.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How close Prometheus' counts must come to what Gatling sent. */
class LoadCrossCheckTest {
    @Test
    void countsMatchWithinThreePercentOrTwoRequests() {
        assertThat(LoadCounts.match(1500, 1500)).isTrue();
        assertThat(LoadCounts.match(1460, 1500)).isTrue();
        assertThat(LoadCounts.match(1400, 1500)).isFalse();
        assertThat(LoadCounts.match(12, 10)).isTrue();
        assertThat(LoadCounts.match(13, 10)).isFalse();
        assertThat(LoadCounts.describe(1400, 1500).toString()).isEqualTo("1500 sent, 1400 counted (-6.7 %)");
    }

    @Test
    void failedOrdersAreNearTheApisFivePercentForTheirNumber() {
        assertThat(OrdersAndCartsMatchLoad.aboutTheApisFailureRate(5, 100)).isTrue();
        assertThat(OrdersAndCartsMatchLoad.aboutTheApisFailureRate(0, 100)).as("possible with 100 orders").isTrue();
        assertThat(OrdersAndCartsMatchLoad.aboutTheApisFailureRate(20, 100)).isFalse();
        assertThat(OrdersAndCartsMatchLoad.aboutTheApisFailureRate(0, 1000)).as("not with 1000").isFalse();
        assertThat(OrdersAndCartsMatchLoad.aboutTheApisFailureRate(0, 0)).isFalse();
    }
}
