package obsgrader.checks.metrics;

import java.util.Comparator;
import java.util.Locale;
import obsgrader.checks.Check;
import obsgrader.checks.GradingContext;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.Verdict;
import obsgrader.scenarios.LoadResults;
import obsgrader.scenarios.ShopRequest;
import obsgrader.scenarios.RequestStats;

/**
 * The latency histogram tells the endpoints apart as the load felt them: the slow page (one to three
 * seconds by design) above a second, the catalogue (up to 100 ms) below the SLO's 300 ms.
 */
@RubricCheck(id = "metrics.latency-histogram", title = "The latency histogram puts /api/slow above 1 s and /api/products below 0.3 s", live = true)
public final class LatencyHistogramMatchesLoad implements Check {
    private static final double SLOW_MEDIAN_ABOVE = 1.0;
    private static final double PRODUCTS_P95_BELOW = 0.3;

    @Override
    public Verdict judge(GradingContext context) {
        LoadResults load = context.load();
        LoadWindow window = LoadWindow.of(context, load);
        double slowMedian = window.quantile(0.5, buckets(ShopRequest.SLOW_PAGE));
        double productsP95 = window.quantile(0.95, buckets(ShopRequest.BROWSE));
        boolean slowAbove = slowMedian > SLOW_MEDIAN_ABOVE;
        boolean productsBelow = productsP95 < PRODUCTS_P95_BELOW;
        String found = "/api/slow median " + seconds(slowMedian) + " (Gatling, through nginx: p50 " + busiest(load, ShopRequest.SLOW_PAGE).p50()
                + " ms); /api/products p95 " + seconds(productsP95) + " (Gatling: p95 " + busiest(load, ShopRequest.BROWSE).p95() + " ms)";
        return Verdict.live(Verdict.share((slowAbove ? 1 : 0) + (productsBelow ? 1 : 0), 2))
                .expected("the median of /api/slow above " + SLOW_MEDIAN_ABOVE + " s and the p95 of /api/products below "
                        + PRODUCTS_P95_BELOW + " s, from the histogram's buckets over the load")
                .found(found)
                .at("GET /api/v1/query?query=" + window.quantileQuery(0.95, buckets(ShopRequest.BROWSE)))
                .hint(slowAbove && productsBelow ? "" : "Observe each request's duration in after_request into "
                        + "http_request_duration_seconds{endpoint} with buckets around 0.3 s and 1 s (the lab's list, plus 0.3).")
                .measured(found)
                .attach("Prometheus against Gatling", found.replace("; ", "\n"));
    }

    static String buckets(ShopRequest request) {
        return "http_request_duration_seconds_bucket{endpoint=\"" + request.path() + "\"}";
    }

    private static String seconds(double value) {
        return Double.isNaN(value) ? "no data" : String.format(Locale.ROOT, "%.3f s", value);
    }

    /** Gatling's numbers for the request in the simulation that sent most of it. */
    static RequestStats busiest(LoadResults load, ShopRequest request) {
        return load.simulations().stream().map(s -> s.of(request)).max(Comparator.comparingLong(RequestStats::count))
                .orElse(RequestStats.none(request.label()));
    }
}
