package obsgrader.checks.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import obsgrader.submission.Yaml;
import org.junit.jupiter.api.Test;

class GrafanaVariablesTest {
    private static final Duration SCRAPE = Duration.ofSeconds(15);

    private static GrafanaVariables of(String dashboard) throws Exception {
        JsonNode model = Yaml.JSON.readTree(dashboard);
        return new GrafanaVariables(model, SCRAPE);
    }

    @Test
    void resolvesTheBuiltInIntervalsAndRange() throws Exception {
        GrafanaVariables variables = of("{\"time\": {\"from\": \"now-6h\", \"to\": \"now\"}}");

        assertThat(variables.resolve("sum(rate(http_requests_total[$__rate_interval]))")).isEqualTo("sum(rate(http_requests_total[1m]))");
        assertThat(variables.resolve("rate(x[${__interval}]) + rate(y[$interval])")).isEqualTo("rate(x[1m]) + rate(y[1m])");
        assertThat(variables.resolve("avg_over_time(probe_success[$__range]) or avg_over_time(up[${__range}])"))
                .isEqualTo("avg_over_time(probe_success[6h]) or avg_over_time(up[6h])");
        assertThat(variables.resolve("increase(x[$__range_s s])")).isEqualTo("increase(x[21600 s])");
    }

    @Test
    void takesTemplateVariablesAtTheirSavedValue() throws Exception {
        GrafanaVariables variables = of("""
                {"templating": {"list": [
                  {"name": "datasource", "type": "datasource", "current": {"value": "prometheus"}},
                  {"name": "job", "type": "query", "current": {"text": "api", "value": "api"}},
                  {"name": "endpoint", "type": "custom", "current": {"value": ["/api/products", "/api/cart"]}},
                  {"name": "window", "type": "interval", "current": {"value": "5m"}},
                  {"name": "auto", "type": "interval", "current": {"value": "$__auto_interval_auto"}},
                  {"name": "target", "type": "constant", "query": "0.995"}
                ]}}
                """);

        assertThat(variables.resolve("rate(http_requests_total{job=\"$job\",endpoint=~\"${endpoint:regex}\"}[$window])"))
                .isEqualTo("rate(http_requests_total{job=\"api\",endpoint=~\"/api/products|/api/cart\"}[5m])");
        assertThat(variables.resolve("rate(x[[[auto]]]) < [[target]]")).isEqualTo("rate(x[1m]) < 0.995");
    }

    @Test
    void matchesEveryValueForAllAndKeepsWhatIsNotAVariable() throws Exception {
        GrafanaVariables variables = of("""
                {"templating": {"list": [
                  {"name": "instance", "type": "query", "current": {"text": "All", "value": "$__all"}},
                  {"name": "job", "type": "query", "includeAll": true, "allValue": ".+", "current": {"value": ["$__all"]}}
                ]}}
                """);

        assertThat(variables.resolve("up{instance=\"$instance\", job=~\"$job\", env!=\"$instance\"}"))
                .isEqualTo("up{instance=~\".*\", job=~\".+\", env!~\".*\"}");
        assertThat(variables.resolve("label_replace(up, \"host\", \"$1\", \"instance\", \"(.*):.*\") * $unknown"))
                .isEqualTo("label_replace(up, \"host\", \"$1\", \"instance\", \"(.*):.*\") * $unknown");
    }
}
