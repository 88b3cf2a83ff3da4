package obsgrader.report.charts;

import java.awt.Color;
import java.awt.Paint;
import java.util.List;
import obsgrader.i18n.Messages;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** A class's totals in bins of ten points, the bins at or above the pass mark in green, the others in orange. */
public record DistributionChart(List<Double> totals, double max, double passMark) implements Drawing {
    private static final int BIN = 10;
    private static final Color PASSED = new Color(0x44, 0xaa, 0x77);
    private static final Color BELOW = new Color(0xe6, 0x8a, 0x2c);

    public DistributionChart {
        totals = List.copyOf(totals);
    }

    /** How many totals fall in each bin of ten points, from 0-10 to the last bin (which holds the maximum). */
    public long[] bins() {
        int count = (int) Math.max(1, Math.ceil(max / BIN));
        long[] bins = new long[count];
        totals.forEach(total -> bins[(int) Math.max(0, Math.min(count - 1, Math.floor(total / BIN)))]++);
        return bins;
    }

    @Override
    public JFreeChart draw(Messages messages) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        long[] bins = bins();
        String students = messages.get("report.chart.distribution.y");
        for (int bin = 0; bin < bins.length; bin++) {
            data.addValue(bins[bin], students, bin * BIN + "-" + (bin + 1) * BIN);
        }
        JFreeChart chart = ChartFactory.createBarChart(messages.get("report.chart.distribution.title", totals.size()),
                messages.get("report.chart.distribution.x"), students, data, PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return column * BIN >= passMark ? PASSED : BELOW;
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        plot.setRenderer(renderer);
        return chart;
    }
}
