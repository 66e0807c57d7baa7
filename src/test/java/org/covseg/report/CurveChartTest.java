package org.covseg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurveChartTest {

    @TempDir
    Path dir;

    @Test
    void writesAPngOfTheRequestedSizeAndSkipsEmptyCurves() throws IOException {
        Path png = dir.resolve("curves.png");
        new CurveChart("Training", "epoch", "loss", "dice", 640, 360)
                .left("train loss", new double[] {1, 2, 3}, new double[] {3, 2, 1.5})
                .left("val loss", new double[0], new double[0])
                .right("val dice", new double[] {1, 2, 3}, new double[] {0.2, 0.5, 0.6})
                .writePng(png);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(360);
    }
}
