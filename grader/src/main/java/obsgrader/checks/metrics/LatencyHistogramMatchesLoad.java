package obsgrader.checks.metrics;

import static obsgrader.i18n.Message.msg;

import java.util.Comparator;
import obsgrader.checks.Check;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Need;
import obsgrader.checks.Needs;
import obsgrader.checks.RubricCheck;
import obsgrader.checks.Verdict;
import obsgrader.i18n.Message;
import obsgrader.scenarios.LoadResults;
import obsgrader.scenarios.ShopRequest;
import obsgrader.scenarios.RequestStats;

/**
 * The latency histogram tells the endpoints apart as the load felt them: the slow page (one to three
 * seconds by design) above a second, the catalogue (up to 100 ms) below the SLO's 300 ms.
 */
@Needs(Need.LOAD)
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
        Message found = msg("metrics.latency-histogram.found", milliseconds(slowMedian), busiest(load, ShopRequest.SLOW_PAGE).p50(),
                milliseconds(productsP95), busiest(load, ShopRequest.BROWSE).p95());
        return Verdict.live(Verdict.share((slowAbove ? 1 : 0) + (productsBelow ? 1 : 0), 2))
                .expected(msg("metrics.latency-histogram.expected", SLOW_MEDIAN_ABOVE, PRODUCTS_P95_BELOW))
                .found(found)
                .at(msg("metrics.query-at", window.quantileQuery(0.95, buckets(ShopRequest.BROWSE))))
                .hint(slowAbove && productsBelow ? Message.NONE : msg("metrics.latency-histogram.hint"))
                .measured(found)
                .attach("Prometheus against Gatling", found.toString().replace("; ", "\n"));
    }

    static String buckets(ShopRequest request) {
        return "http_request_duration_seconds_bucket{endpoint=\"" + request.path() + "\"}";
    }

    /** Prometheus' quantile (seconds) in milliseconds, as Gatling gives its own. */
    private static Message milliseconds(double seconds) {
        return Double.isNaN(seconds) ? msg("metrics.no-data") : msg("metrics.milliseconds", Math.round(seconds * 1000));
    }

    /** Gatling's numbers for the request in the simulation that sent most of it. */
    static RequestStats busiest(LoadResults load, ShopRequest request) {
        return load.simulations().stream().map(s -> s.of(request)).max(Comparator.comparingLong(RequestStats::count))
                .orElse(RequestStats.none(request.label()));
    }
}
