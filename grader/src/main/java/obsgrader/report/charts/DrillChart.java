package obsgrader.report.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import obsgrader.i18n.Messages;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A fault drill over time, seconds since the fault: the stopped target's {@code up} and each alert's state
 * (0 inactive, 1 pending, 2 firing) as Prometheus recorded them, the restart marked, and the alert's
 * {@code for} shaded from its first pending sample.
 *
 * @param drill the drill's name (its check id)
 * @param target the stopped service
 * @param up {@code up} samples of the target: seconds since the fault, value
 * @param alerts each alert's state samples: seconds since the fault, 0, 1 or 2
 * @param forDuration the alerts' {@code for}
 * @param restartedAt seconds since the fault when the service was started again
 */
public record DrillChart(String drill, String target, List<Sample> up, Map<String, List<Sample>> alerts,
                         Duration forDuration, long restartedAt) implements Drawing {

    /** One point of a series: seconds since the fault, value. */
    public record Sample(double seconds, double value) {
    }

    public DrillChart {
        up = List.copyOf(up);
        alerts = Map.copyOf(alerts);
    }

    @Override
    public JFreeChart draw(Messages messages) {
        XYSeriesCollection series = new XYSeriesCollection();
        series.addSeries(series(messages.get("report.chart.drill.up", target), up));
        alerts.keySet().stream().sorted().forEach(name ->
                series.addSeries(series(messages.get("report.chart.drill.state", name), alerts.get(name))));
        JFreeChart chart = ChartFactory.createXYLineChart(messages.get("report.chart.drill.title", drill, target, restartedAt),
                messages.get("report.chart.drill.x"), "", series, PlotOrientation.VERTICAL, true, false, false);
        XYPlot plot = chart.getXYPlot();
        XYStepRenderer renderer = new XYStepRenderer();
        for (int i = 0; i < series.getSeriesCount(); i++) {
            renderer.setSeriesStroke(i, new BasicStroke(i == 0 ? 3f : 2f));
        }
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setRange(-0.1, 2.2);
        range.setTickUnit(new NumberTickUnit(1));
        ValueMarker restart = new ValueMarker(restartedAt, Color.DARK_GRAY, new BasicStroke(1.5f));
        restart.setLabel(messages.get("report.chart.drill.restart"));
        restart.setLabelAnchor(RectangleAnchor.TOP_LEFT);
        restart.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        plot.addDomainMarker(restart);
        firstPending().ifPresent(pending -> {
            IntervalMarker forWindow = new IntervalMarker(pending, pending + forDuration.toSeconds(), new Color(255, 200, 0, 60));
            forWindow.setLabel(messages.get("report.chart.drill.for", messages.duration(forDuration)));
            forWindow.setLabelAnchor(RectangleAnchor.TOP);
            forWindow.setLabelTextAnchor(TextAnchor.TOP_CENTER);
            plot.addDomainMarker(forWindow);
        });
        return chart;
    }

    private java.util.Optional<Double> firstPending() {
        return alerts.values().stream().flatMap(List::stream).filter(s -> s.value() >= 1)
                .map(Sample::seconds).min(Double::compare);
    }

    private static XYSeries series(String name, List<Sample> samples) {
        XYSeries series = new XYSeries(name, true, true);
        samples.forEach(sample -> series.addOrUpdate(sample.seconds(), sample.value()));
        return series;
    }
}
