package obsgrader.checks.metrics;

import java.time.Instant;
import java.util.Locale;
import obsgrader.checks.GradingContext;
import obsgrader.checks.Patience;
import obsgrader.clients.PrometheusApi;
import obsgrader.scenarios.LoadResults;

/**
 * The load phase as Prometheus saw it: the API's series read exactly before the load (the grading run let
 * them be scraped quiet first) and at the first scrape after it, with PromQL's {@code @} modifier. What grew
 * in between is the load's doing: scrape timing needs no allowance.
 */
final class LoadWindow {
    private static final String LAST_SCRAPE = "max(timestamp(http_requests_total))";

    private final PrometheusApi prometheus;
    private final String before;
    private final String after;
    private final boolean scrapedAfterLoad;

    private LoadWindow(PrometheusApi prometheus, Instant before, Instant after, boolean scrapedAfterLoad) {
        this.prometheus = prometheus;
        this.before = at(before);
        this.after = at(after);
        this.scrapedAfterLoad = scrapedAfterLoad;
    }

    /**
     * Waits for the API's first scrape after the load (one scrape interval at most; no wait when Prometheus
     * never scraped the API's counters at all), then frames the load.
     */
    static LoadWindow of(GradingContext context, LoadResults load) {
        PrometheusApi prometheus = context.prometheus();
        Patience.waitUpTo(context.scrapeInterval().multipliedBy(2).plusSeconds(10), () -> {
            Instant last = lastScrape(prometheus);
            return last.equals(Instant.EPOCH) || last.isAfter(load.finished());
        });
        Instant last = lastScrape(prometheus);
        boolean scraped = last.isAfter(load.finished());
        return new LoadWindow(prometheus, load.started(), scraped ? last : Instant.now(), scraped);
    }

    private static Instant lastScrape(PrometheusApi prometheus) {
        double seconds = prometheus.value(LAST_SCRAPE);
        return Double.isNaN(seconds) ? Instant.EPOCH : Instant.ofEpochMilli(Math.round(seconds * 1000));
    }

    private static String at(Instant instant) {
        return String.format(Locale.ROOT, "%.3f", instant.toEpochMilli() / 1000.0);
    }

    /** Whether Prometheus scraped the API after the load ended (if not, the increases miss its end). */
    boolean scrapedAfterLoad() {
        return scrapedAfterLoad;
    }

    /** The query of how much the series of a selector grew over the load, summed (0 for a series born during it). */
    String increaseQuery(String selector) {
        return "sum(" + selector + " @ " + after + ") - (sum(" + selector + " @ " + before + ") or vector(0))";
    }

    double increase(String selector) {
        double increase = prometheus.value(increaseQuery(selector));
        return Double.isNaN(increase) ? 0 : increase;
    }

    /** The query of a quantile of a histogram's observations during the load, from its buckets' increases. */
    String quantileQuery(double quantile, String bucketSelector) {
        String afterBuckets = "sum by (le) (" + bucketSelector + " @ " + after + ")";
        return "histogram_quantile(" + quantile + ", " + afterBuckets + " - (sum by (le) (" + bucketSelector + " @ " + before
                + ") or 0 * " + afterBuckets + "))";
    }

    /** In seconds; NaN when nothing was observed. */
    double quantile(double quantile, String bucketSelector) {
        return prometheus.value(quantileQuery(quantile, bucketSelector));
    }
}
