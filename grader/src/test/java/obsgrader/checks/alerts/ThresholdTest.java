package obsgrader.checks.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThresholdTest {
    @Test
    void splitsTheLastTopLevelComparisonWithANumber() {
        String errorRate = """
                sum by (endpoint) (rate(http_requests_total{job="api",status=~"5.."}[5m]))
                /
                sum by (endpoint) (rate(http_requests_total{job="api"}[5m]))
                * 100 > 5
                """;

        assertThat(Threshold.of(errorRate)).hasValueSatisfying(threshold -> {
            assertThat(threshold.measure()).startsWith("sum by (endpoint)").endsWith("* 100");
            assertThat(threshold).hasToString("> 5");
        });
        assertThat(Threshold.of("sli:availability:ratio_rate5m < 0.995")).contains(
                new Threshold("sli:availability:ratio_rate5m", "<", 0.995));
        assertThat(Threshold.of("up{job!=\"a>b\"} == 0")).contains(new Threshold("up{job!=\"a>b\"}", "==", 0));
    }

    @Test
    void hasNoneWithoutAComparisonToANumber() {
        assertThat(Threshold.of("absent(up{job=\"api\"})")).isEmpty();
        assertThat(Threshold.of("rate(a[5m]) > rate(b[5m])")).isEmpty();
        assertThat(Threshold.of("rate(a[5m]) > bool 3")).isEmpty();
        assertThat(Threshold.of("max(x > 3)")).isEmpty();
    }
}
