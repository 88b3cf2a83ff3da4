package obsgrader.checks.metrics;

import java.time.Duration;
import obsgrader.checks.Check;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Patience;
import obsgrader.checks.Verdict;
import obsgrader.clients.PrometheusApi;
import obsgrader.clients.ShopClient;

/** Requests sent through nginx show up, one for one, in the API's request counter. */
@RubricCheck(id = "metrics.counters-move", title = "http_requests_total grows with the requests sent", live = true)
public final class CountersFollowTraffic implements Check {
    private static final int REQUESTS = 20;
    private static final String COUNTER = "sum(http_requests_total{endpoint=\"/api/products\"})";

    @Override
    public Verdict judge(GradingContext context) {
        PrometheusApi prometheus = context.prometheus();
        ShopClient shop = context.shop();
        double before = counted(prometheus);
        long answered = 0;
        for (int i = 0; i < REQUESTS; i++) {
            answered += shop.get("/api/products").ok() ? 1 : 0;
        }
        Patience.waitUpTo(context.scrapeInterval().multipliedBy(3).plusSeconds(5), () -> counted(prometheus) - before >= REQUESTS);
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
