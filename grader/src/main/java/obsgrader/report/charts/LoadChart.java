package obsgrader.report.charts;

import java.awt.Color;
import java.text.NumberFormat;
import java.util.List;
import obsgrader.i18n.Messages;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainCategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The load phase per endpoint: requests per second and p95 latency as Gatling sent and measured them, beside
 * what Prometheus counted over the same window.
 */
public record LoadChart(List<Endpoint> endpoints) implements Drawing {

    /** One endpoint's figures; NaN where Prometheus had nothing (no series, no histogram). */
    public record Endpoint(String path, double gatlingPerSecond, double prometheusPerSecond, double gatlingP95Millis,
                           double prometheusP95Millis) {
    }

    public LoadChart {
        endpoints = List.copyOf(endpoints);
    }

    @Override
    public JFreeChart draw(Messages messages) {
        String gatling = messages.get("report.chart.load.gatling");
        String prometheus = messages.get("report.chart.load.prometheus");
        DefaultCategoryDataset rates = new DefaultCategoryDataset();
        DefaultCategoryDataset latencies = new DefaultCategoryDataset();
        for (Endpoint endpoint : endpoints) {
            rates.addValue(endpoint.gatlingPerSecond(), gatling, endpoint.path());
            rates.addValue(orNull(endpoint.prometheusPerSecond()), prometheus, endpoint.path());
            latencies.addValue(endpoint.gatlingP95Millis(), gatling, endpoint.path());
            latencies.addValue(orNull(endpoint.prometheusP95Millis()), prometheus, endpoint.path());
        }
        CategoryAxis paths = new CategoryAxis();
        paths.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        CombinedDomainCategoryPlot plot = new CombinedDomainCategoryPlot(paths);
        CategoryPlot rateSubplot = subplot(rates, messages.get("report.chart.load.rps"), messages);
        plot.add(rateSubplot, 1);
        plot.add(subplot(latencies, messages.get("report.chart.load.p95"), messages), 1);
        // One legend: both subplots show the same two series.
        JFreeChart chart = new JFreeChart(messages.get("report.chart.load.title"), JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        LegendTitle legend = new LegendTitle(rateSubplot);
        legend.setPosition(RectangleEdge.BOTTOM);
        chart.addLegend(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static CategoryPlot subplot(DefaultCategoryDataset data, String label, Messages messages) {
        BarRenderer renderer = new BarRenderer();
        renderer.setSeriesPaint(0, new Color(0x4a, 0x77, 0xcc));
        renderer.setSeriesPaint(1, new Color(0xe6, 0x52, 0x2c));
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        NumberAxis axis = new NumberAxis(label);
        axis.setNumberFormatOverride(NumberFormat.getNumberInstance(messages.locale()));
        CategoryPlot plot = new CategoryPlot(data, null, axis, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        return plot;
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
