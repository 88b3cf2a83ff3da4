package obsgrader.checks.metrics;

import java.time.Duration;
import obsgrader.checks.Check;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Verdict;
import obsgrader.clients.PrometheusApi;
import obsgrader.clients.ShopClient;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** Requests sent through nginx show up, one for one, in the API's request counter. */
public final class CountersFollowTraffic implements Check {
    private static final int REQUESTS = 20;
    private static final String COUNTER = "sum(http_requests_total{endpoint=\"/api/products\"})";

    @Override
    public String id() {
        return "metrics.counters-move";
    }

    @Override
    public String title() {
        return "http_requests_total grows with the requests sent";
    }

    @Override
    public boolean live() {
        return true;
    }

    @Override
    public Verdict judge(GradingContext context) {
        PrometheusApi prometheus = context.prometheus();
        ShopClient shop = context.shop();
        double before = counted(prometheus);
        long answered = 0;
        for (int i = 0; i < REQUESTS; i++) {
            answered += shop.get("/api/products").ok() ? 1 : 0;
        }
        try {
            Awaitility.await().atMost(context.scrapeInterval().multipliedBy(3).plusSeconds(5))
                    .pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                    .until(() -> counted(prometheus) - before >= REQUESTS);
        } catch (ConditionTimeoutException e) {
            // judged below
        }
        double increase = counted(prometheus) - before;
        return Verdict.live(Verdict.share(Math.round(Math.min(increase, REQUESTS)), REQUESTS))
                .expected("an increase of at least " + REQUESTS + " after " + REQUESTS + " GET /api/products ("
                        + answered + " answered)")
                .found("an increase of " + Math.round(increase))
                .at("GET /api/v1/query?query=" + COUNTER)
                .hint(increase >= REQUESTS ? "" : "The API must count every request in after_request with the "
                        + "endpoint label set to the request path.");
    }

    private static double counted(PrometheusApi prometheus) {
        double value = prometheus.value(COUNTER);
        return Double.isNaN(value) ? 0 : value;
    }
}
