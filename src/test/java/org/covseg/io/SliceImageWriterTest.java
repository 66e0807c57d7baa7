package org.covseg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.covseg.CovsegException;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SliceImageWriterTest {

    @TempDir
    Path dir;

    private static Volume slice(int w, int h, IntensityUnit unit, float... values) {
        return Volume.builder(w, h, 1).voxels(values).unit(unit).build();
    }

    @Test
    void grey8RoundsAndClampsAndReadsBack() throws IOException {
        Path file = dir.resolve("prob.png");
        SliceImageWriter.writeGrey8(file, slice(3, 2, IntensityUnit.WINDOWED_8BIT, -4, 0.4f, 127.6f, 255, 300, 17),
                SliceOrientation.DISPLAY);
        BufferedImage im = ImageIO.read(file.toFile());
        assertThat(im.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
        assertThat(SliceImageReader.readImage(file).toArray()).containsExactly(0, 0, 128, 255, 255, 17);
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void labelsAreWrittenAsPaletteWithTheDocumentedColours() throws IOException {
        Path file = dir.resolve("labels.png");
        SliceImageWriter.writeLabels(file, slice(4, 1, IntensityUnit.LABEL, 0, 1, 2, 7), SliceOrientation.DISPLAY);
        BufferedImage im = ImageIO.read(file.toFile());
        assertThat(im.getColorModel()).isInstanceOf(IndexColorModel.class);
        assertThat(im.getRGB(0, 0) & 0xffffff).isEqualTo(0x000000);
        assertThat(im.getRGB(1, 0) & 0xffffff).isEqualTo(0xffff00);
        assertThat(im.getRGB(2, 0) & 0xffffff).isEqualTo(0xff0000);
        assertThat(im.getRGB(3, 0) & 0xffffff).isEqualTo(0x070707);
        assertThat(SliceImageReader.readLabels(file, SliceOrientation.DISPLAY).toArray()).containsExactly(0, 1, 2, 7);
    }

    @Test
    void transposedWriteRoundTripsThroughTransposedRead() {
        Volume canonical = slice(3, 2, IntensityUnit.LABEL, 0, 1, 2, 2, 1, 0);
        Path file = dir.resolve("t.png");
        SliceImageWriter.writeLabels(file, canonical, SliceOrientation.TRANSPOSED);
        Volume stored = SliceImageReader.readLabels(file, SliceOrientation.DISPLAY);
        assertThat(stored.width()).isEqualTo(2);
        assertThat(stored.height()).isEqualTo(3);
        assertThat(stored.get(1, 0, 0)).isEqualTo(canonical.get(0, 1, 0));
        assertThat(SliceImageReader.readLabels(file, SliceOrientation.TRANSPOSED).toArray())
                .containsExactly(canonical.toArray());
    }

    @Test
    void nonIntegerLabelsAreRefused() {
        assertThatThrownBy(() -> SliceImageWriter.writeLabels(dir.resolve("x.png"),
                slice(1, 1, IntensityUnit.LABEL, 0.5f), SliceOrientation.DISPLAY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(dir.resolve("x.png")).doesNotExist();
    }

    @Test
    void nonPngNameIsAUserError() {
        Path file = dir.resolve("out.jpg");
        assertThatThrownBy(() -> SliceImageWriter.writeGrey8(file, slice(1, 1, IntensityUnit.WINDOWED_8BIT, 1),
                SliceOrientation.DISPLAY))
                .isInstanceOf(CovsegException.class)
                .hasMessageContaining(file.toString());
    }
}
