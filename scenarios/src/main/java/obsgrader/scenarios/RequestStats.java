package obsgrader.scenarios;

import java.util.Locale;

/** What Gatling measured for one request label (or for all requests): counts, and response times in ms. */
public record RequestStats(String request, long count, long failed, int p50, int p95, int p99, int max, double perSecond) {
    public static RequestStats none(String request) {
        return new RequestStats(request, 0, 0, 0, 0, 0, 0, 0);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%-20s %6d sent %5d KO  %6.1f/s  p50 %5d ms  p95 %5d ms  p99 %5d ms  max %5d ms",
                request, count, failed, perSecond, p50, p95, p99, max);
    }
}
