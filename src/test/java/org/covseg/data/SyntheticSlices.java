package org.covseg.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.io.SliceImageWriter;
import org.covseg.io.SliceOrientation;

/** Small image files for dataset tests, written as a real dataset stores them. */
final class SyntheticSlices {

    private SyntheticSlices() {
    }

    /** A w x h canonical slice whose value at (i, j) is {@code base + i + 7 * j}: no symmetry hides a transpose. */
    static Volume ramp(int w, int h, int base) {
        float[] v = new float[w * h];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                v[i + w * j] = base + i + 7 * j;
            }
        }
        return Volume.builder(w, h, 1).voxels(v).unit(IntensityUnit.WINDOWED_8BIT).build();
    }

    /** A canonical label slice with label {@code value} in the left column only. */
    static Volume leftColumn(int w, int h, int value) {
        float[] v = new float[w * h];
        for (int j = 0; j < h; j++) {
            v[w * j] = value;
        }
        return Volume.builder(w, h, 1).voxels(v).unit(IntensityUnit.LABEL).build();
    }

    static Path grey(Path file, Volume slice, SliceOrientation orientation) throws IOException {
        Files.createDirectories(file.getParent());
        SliceImageWriter.writeGrey8(file, slice, orientation);
        return file;
    }

    static Path labels(Path file, Volume slice, SliceOrientation orientation) throws IOException {
        Files.createDirectories(file.getParent());
        SliceImageWriter.writeLabels(file, slice, orientation);
        return file;
    }

    /** A 1-bit palette PNG (as MedSeg stores its masks) of the 0/1 values in file order. */
    static Path oneBitPalette(Path file, Volume mask) throws IOException {
        IndexColorModel blackWhite = new IndexColorModel(1, 2, new byte[] {0, (byte) 255}, new byte[] {0, (byte) 255},
                new byte[] {0, (byte) 255});
        BufferedImage im = new BufferedImage(mask.width(), mask.height(), BufferedImage.TYPE_BYTE_BINARY, blackWhite);
        for (int j = 0; j < mask.height(); j++) {
            for (int i = 0; i < mask.width(); i++) {
                im.getRaster().setSample(i, j, 0, (int) mask.get(i, j, 0));
            }
        }
        return write(file, im, "png");
    }

    /** A grey JPEG of a flat image (JPEG is lossy; flat areas survive). */
    static Path flatJpeg(Path file, int w, int h, int value) throws IOException {
        BufferedImage im = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                im.getRaster().setSample(x, y, 0, value);
            }
        }
        return write(file, im, "jpeg");
    }

    private static Path write(Path file, BufferedImage im, String format) throws IOException {
        Files.createDirectories(file.getParent());
        assertThat(ImageIO.write(im, format, file.toFile())).isTrue();
        return file;
    }
}
