package obsgrader.report.charts;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import obsgrader.i18n.Messages;
import org.jfree.chart.JFreeChart;

/**
 * A chart of a run's own data, drawn when the report is written, in the report's language: a check keeps the
 * numbers it measured, the report decides the words.
 */
@FunctionalInterface
public interface Drawing {
    int WIDTH = 900;
    int HEIGHT = 420;

    JFreeChart draw(Messages messages);

    /** The chart as a PNG. */
    default byte[] png(Messages messages) {
        BufferedImage image = draw(messages).createBufferedImage(WIDTH, HEIGHT);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    default Path writePng(Messages messages, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, png(messages));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
