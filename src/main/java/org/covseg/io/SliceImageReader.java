package org.covseg.io;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.covseg.CovsegException;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;

/**
 * Reads 2-D images (PNG, JPEG, TIFF, BMP) into depth-1 {@link Volume}s in the canonical orientation, with
 * nominal 1 mm pixels; the file's path is kept in the metadata under {@value #SOURCE}.
 *
 * <p>Two ways to read, because a palette means different things in an image and in a label map:
 * <ul>
 *   <li>{@link #readImage}: grey intensities 0..255, unit {@link IntensityUnit#WINDOWED_8BIT}. 8-bit grey is taken
 *       as is; other grey depths are scaled to 0..255 (16-bit: value / 257, the standard 8↔16-bit mapping, kept
 *       as float without rounding) because 2-D slices are display images, already windowed; palette images
 *       give the grey of the palette colour; colour images give the shared value where R = G = B, else the
 *       luminance 0.299 R + 0.587 G + 0.114 B. Alpha is ignored.</li>
 *   <li>{@link #readLabels} and {@link #readMask}: unit {@link IntensityUnit#LABEL}; palette images keep their
 *       indices (COVID-SemiSeg multi-class maps 0/1/2, 1-bit MedSeg masks 0/1), grey images their raw values,
 *       which a {@link MaskEncoding} can then binarise.</li>
 * </ul>
 * Every problem with the file (missing, not an image, truncated or corrupt) is a {@link CovsegException} naming it.
 */
public final class SliceImageReader {

    /** Metadata key holding the path of the file a slice was read from. */
    public static final String SOURCE = "source";

    private SliceImageReader() {
    }

    /** Grey intensities of an image stored as displayed. */
    public static Volume readImage(Path file) {
        return readImage(file, SliceOrientation.DISPLAY);
    }

    /** Grey intensities of an image whose pixel axes are as {@code orientation} says, in canonical orientation. */
    public static Volume readImage(Path file, SliceOrientation orientation) {
        BufferedImage image = decode(file);
        return toCanonical(image, PixelValues.intensities(image, file), IntensityUnit.WINDOWED_8BIT, file, orientation);
    }

    /** The stored labels of a label map or mask (palette indices or grey values). */
    public static Volume readLabels(Path file, SliceOrientation orientation) {
        BufferedImage image = decode(file);
        return toCanonical(image, PixelValues.labels(image, file), IntensityUnit.LABEL, file, orientation);
    }

    /** A mask decoded as {@code encoding} says, e.g. 0/255 grey to 0/1. */
    public static Volume readMask(Path file, MaskEncoding encoding, SliceOrientation orientation) {
        return encoding.decode(readLabels(file, orientation));
    }

    private static Volume toCanonical(BufferedImage image, float[] values, IntensityUnit unit, Path file,
            SliceOrientation orientation) {
        Volume stored = Volume.builder(image.getWidth(), image.getHeight(), 1)
                .voxels(values)
                .affine(orientation.fileAffine())
                .unit(unit)
                .meta(SOURCE, file.toString())
                .build();
        return orientation == SliceOrientation.DISPLAY ? stored : orientation.toCanonical().apply(stored);
    }

    /**
     * Decodes the first image of the file. A truncated JPEG only makes the decoder warn and fill the rest grey,
     * so warnings about truncation count as errors; others (e.g. an ICC profile being ignored) do not.
     */
    static final int MAX_SIDE = 8192;
    private static final long MAX_PIXELS = (long) MAX_SIDE * MAX_SIDE;

    static BufferedImage decode(Path file) {
        if (!Files.exists(file)) {
            throw new CovsegException("image file not found: " + file);
        }
        if (!Files.isRegularFile(file)) {
            throw new CovsegException("not an image file (a folder or special file): " + file);
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new CovsegException("not a readable image (PNG, JPEG, TIFF or BMP expected): " + file);
            }
            ImageReader reader = readers.next();
            try {
                List<String> warnings = new ArrayList<>();
                reader.addIIOReadWarningListener((source, warning) -> {
                    if (isTruncation(warning)) {
                        warnings.add(warning);
                    }
                });
                reader.setInput(in, true, true);
                requireDecodableSize(reader.getWidth(0), reader.getHeight(0), file);
                BufferedImage image = reader.read(0);
                if (!warnings.isEmpty()) {
                    throw new CovsegException("corrupt or truncated image " + file + ": " + oneLine(warnings.get(0)));
                }
                return image;
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof CovsegException ce) {
                throw ce;
            }
            throw new CovsegException("cannot read image " + file + " (corrupt or truncated?): "
                    + oneLine(reason(e)), e);
        }
    }

    /**
     * Refuses, from the header and before decoding, an image larger than any CT slice: a small file can declare
     * billions of pixels (a 110 KB PNG of 30000 x 30000 took a minute to decode and 3.6 GB to hold).
     */
    static void requireDecodableSize(int width, int height, Path file) {
        if ((long) width * height > MAX_PIXELS) {
            throw new CovsegException(String.format(java.util.Locale.ROOT, "image %s declares %d x %d pixels, more"
                    + " than covseg reads (%d x %d at most, far beyond a CT slice's 512 x 512); is it a CT slice?",
                    file, width, height, MAX_SIDE, MAX_SIDE));
        }
    }

    private static boolean isTruncation(String warning) {
        String w = warning.toLowerCase(java.util.Locale.ROOT);
        return w.contains("truncated") || w.contains("premature end");
    }

    /** The exception's message followed by its causes', e.g. "Error reading PNG metadata: EOFException". */
    private static String reason(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            String text = message == null || message.isBlank() ? t.getClass().getSimpleName() : message;
            if (sb.indexOf(text) < 0) {
                sb.append(sb.length() == 0 ? "" : ": ").append(text);
            }
        }
        return sb.toString();
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").trim();
    }
}
