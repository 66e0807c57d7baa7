package org.covseg.io;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.covseg.CovsegException;
import org.covseg.image.Volume;

/**
 * Writes depth-1 volumes in canonical orientation as PNG files (through {@link AtomicFiles}), with pixel axes
 * as {@code orientation} says: {@link SliceOrientation#TRANSPOSED} writes a prediction the way COVID-SemiSeg
 * stores its ground truth, for instance.
 */
public final class SliceImageWriter {

    private SliceImageWriter() {
    }

    /** An 8-bit grey PNG (e.g. a probability map scaled to 0..255); values are rounded and clamped to 0..255. */
    public static void writeGrey8(Path file, Volume slice, SliceOrientation orientation) {
        Volume stored = inFileOrder(slice, orientation);
        BufferedImage image = new BufferedImage(stored.width(), stored.height(), BufferedImage.TYPE_BYTE_GRAY);
        fill(image.getRaster(), stored, false);
        write(file, image);
    }

    /**
     * A palette PNG of labels 0..255 coloured as in {@link LabelPalette}.
     *
     * @throws IllegalArgumentException if a value is not an integer in 0..255
     */
    public static void writeLabels(Path file, Volume labels, SliceOrientation orientation) {
        Volume stored = inFileOrder(labels, orientation);
        BufferedImage image = new BufferedImage(stored.width(), stored.height(), BufferedImage.TYPE_BYTE_INDEXED,
                LabelPalette.colorModel());
        fill(image.getRaster(), stored, true);
        write(file, image);
    }

    private static Volume inFileOrder(Volume slice, SliceOrientation orientation) {
        if (slice.depth() != 1) {
            throw new IllegalArgumentException("a 2-D image holds one slice, got depth " + slice.depth());
        }
        return orientation == SliceOrientation.DISPLAY ? slice : orientation.toCanonical().inverse().apply(slice);
    }

    private static void fill(WritableRaster raster, Volume v, boolean labels) {
        int w = v.width();
        int[] row = new int[w];
        for (int j = 0; j < v.height(); j++) {
            for (int i = 0; i < w; i++) {
                float value = v.get(i, j, 0);
                if (labels && (value != Math.rint(value) || value < 0 || value > 255)) {
                    throw new IllegalArgumentException("label maps hold integers 0..255, got " + value
                            + " at (" + i + ", " + j + ")");
                }
                row[i] = Math.round(Math.max(0, Math.min(255, value)));
            }
            raster.setSamples(0, j, w, 1, 0, row);
        }
    }

    private static void write(Path file, BufferedImage image) {
        if (!file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new CovsegException("slice images are written as PNG; give a file name ending in .png: " + file);
        }
        try {
            AtomicFiles.write(file, out -> {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG writer available");
                }
            });
        } catch (IOException e) {
            throw new CovsegException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
