package obsgrader.checks.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
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
    private static final String API_REQUESTS = "http_requests_total";

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
     * The load's window: the first time, waits for the API's first scrape after the load (one scrape interval at
     * most; no wait when Prometheus never scraped the API's counters at all).
     */
    static LoadWindow of(GradingContext context, LoadResults load) {
        // Framed once per run: every cross-check reads the same two instants.
        return context.once(LoadWindow.class, () -> frame(context.prometheus(), context.scrapeInterval(), load));
    }

    private static LoadWindow frame(PrometheusApi prometheus, Duration scrapeInterval, LoadResults load) {
        Patience.waitUpTo(scrapeInterval.multipliedBy(2).plusSeconds(10),
                () -> prometheus.lastScraped(API_REQUESTS).map(scraped -> scraped.isAfter(load.finished())).orElse(true));
        boolean scrapedAfter = prometheus.lastScraped(API_REQUESTS).filter(scraped -> scraped.isAfter(load.finished())).isPresent();
        // every replica has been scraped after the load: read them all at the newest of those scrapes
        Optional<Instant> newest = prometheus.newestScrape(API_REQUESTS).filter(scraped -> scraped.isAfter(load.finished()));
        return new LoadWindow(prometheus, load.started(), newest.orElse(Instant.now()), scrapedAfter);
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
