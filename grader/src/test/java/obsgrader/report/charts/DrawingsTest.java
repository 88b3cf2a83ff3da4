package obsgrader.report.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import obsgrader.i18n.Messages;
import obsgrader.report.charts.DrillChart.Sample;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

class DrawingsTest {
    private static final DrillChart DRILL = new DrillChart("alerts.fire-on-outage", "api",
            List.of(new Sample(-30, 1), new Sample(0, 1), new Sample(15, 0), new Sample(120, 0), new Sample(135, 1)),
            Map.of("InstanceDown", List.of(new Sample(0, 0), new Sample(30, 1), new Sample(90, 2), new Sample(150, 0))),
            Duration.ofMinutes(1), 125);

    @Test
    void aDrillIsDrawnWithItsSeriesTheRestartAndTheForInTheRunsLanguage() throws IOException {
        XYPlot plot = DRILL.draw(Messages.FRENCH).getXYPlot();

        assertThat(plot.getDataset().getSeriesCount()).isEqualTo(2);
        assertThat(plot.getDataset().getSeriesKey(1).toString()).startsWith("InstanceDown (0 inactive");
        assertThat(plot.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND)).hasSize(2);
        assertThat(DRILL.draw(Messages.FRENCH).getTitle().getText()).contains("api arrêté à +0 s, relancé à +125 s");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(DRILL.png(Messages.ENGLISH)));
        assertThat(png.getWidth()).isEqualTo(Drawing.WIDTH);
        assertThat(png.getHeight()).isEqualTo(Drawing.HEIGHT);
    }

    @Test
    void theLoadChartLeavesAGapWherePrometheusHadNothingAndHasOneLegend() {
        LoadChart chart = new LoadChart(List.of(new LoadChart.Endpoint("/api/products", 100, 99.5, 12, 25),
                new LoadChart.Endpoint("/api/slow", 2, Double.NaN, 1500, Double.NaN)));

        assertThat(chart.png(Messages.ENGLISH)).isNotEmpty();
        assertThat(chart.draw(Messages.ENGLISH).getTitle().getText()).isEqualTo("Load phase: Gatling sent, Prometheus counted");
        assertThat(chart.draw(Messages.ENGLISH).getLegend().getSources()[0].getLegendItems().getItemCount())
                .as("one legend for both subplots").isEqualTo(2);
    }
}
