package obsgrader.checks.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.DoubleStream;
import obsgrader.report.charts.DrillChart.Sample;
import org.junit.jupiter.api.Test;

/** The drill's chart holds what Prometheus recorded up to the drill's end, not only up to its last whole step. */
class DrillPictureTest {
    @Test
    void theTargetBackUpAfterTheLastWholeStepShowsAtTheDrillsEnd() {
        // up: 1 before the stop, 0 from the first failed scrape, 1 again at +84 s; the drill ends at +88 s
        List<Sample> up = List.of(new Sample(-50, 1), new Sample(-35, 1), new Sample(14, 0), new Sample(29, 0),
                new Sample(44, 0), new Sample(59, 0), new Sample(74, 0), new Sample(84, 1));

        List<Sample> steps = DrillPicture.everyStep(up, -60, 88, 15, DoubleStream::min, Double.NaN);

        assertThat(steps.get(steps.size() - 1)).isEqualTo(new Sample(88, 1));
        assertThat(steps).filteredOn(step -> step.seconds() == 75).extracting(Sample::value).containsExactly(0.0);
        assertThat(steps).extracting(Sample::seconds).doesNotHaveDuplicates().isSorted();
    }
}
