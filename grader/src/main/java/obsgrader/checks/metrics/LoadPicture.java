package obsgrader.checks.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleSupplier;
import obsgrader.report.charts.LoadChart;
import obsgrader.scenarios.LoadResults;
import obsgrader.scenarios.ShopRequest;

/**
 * The load phase endpoint by endpoint, for the report's chart: what Gatling sent (its rate over the load and
 * its p95) beside what Prometheus saw over the same window (the counter's increase over the load's wall time,
 * the p95 from the histogram's buckets).
 */
final class LoadPicture {
    private LoadPicture() {
    }

    static LoadChart of(LoadWindow window, LoadResults load) {
        double seconds = Math.max(1, load.wallTime().toMillis() / 1000.0);
        List<LoadChart.Endpoint> endpoints = new ArrayList<>();
        for (ShopRequest request : ShopRequest.values()) {
            double counted = orNaN(() -> window.increase(RequestsMatchLoad.selector(request)));
            double p95 = orNaN(() -> window.quantile(0.95, LatencyHistogramMatchesLoad.buckets(request)));
            endpoints.add(new LoadChart.Endpoint(request.path(), load.sent(request) / seconds, counted / seconds,
                    LatencyHistogramMatchesLoad.busiest(load, request).p95(), p95 * 1000));
        }
        return new LoadChart(endpoints);
    }

    /** A chart's figure: a query that fails leaves a gap in the chart, never a point lost. */
    private static double orNaN(DoubleSupplier query) {
        try {
            return query.getAsDouble();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
