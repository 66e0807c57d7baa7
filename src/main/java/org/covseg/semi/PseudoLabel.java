package org.covseg.semi;

import java.nio.file.Path;
import java.util.Optional;
import org.covseg.data.LabeledSlice;
import org.covseg.image.IntensityUnit;
import org.covseg.image.MaskEdges;
import org.covseg.image.Volume;
import org.covseg.io.MaskEncoding;
import org.covseg.io.SliceImageReader;
import org.covseg.io.SliceImageWriter;
import org.covseg.io.SliceOrientation;

/**
 * A pseudo-labelled slice: the model's infection probability binarised ({@code p > }{@value #THRESHOLD}) and its
 * edge map derived from that mask ({@link MaskEdges}, radius {@value #EDGE_RADIUS}, as for datasets without Edge
 * maps). Saved as 0/255 PNGs {@code GT/<name>.png} and {@code Edge/<name>.png} in the pixel order of the slice's own
 * file, so they overlay the unlabeled image as it is stored.
 *
 * @param image grey levels 0..255, canonical orientation
 * @param mask  0/1, same geometry as the image
 * @param edge  0/1, same geometry as the image
 */
public record PseudoLabel(String name, Volume image, Volume mask, Volume edge) {

    public static final float THRESHOLD = 0.5f;
    public static final int EDGE_RADIUS = 1;
    static final String MASKS = "GT";
    static final String EDGES = "Edge";

    /** The pseudo label of {@code image} given the model's probability map (row-major, the image's size). */
    public static PseudoLabel of(String name, Volume image, float[] probability) {
        return withMask(name, image, maskOf(probability));
    }

    /** The pseudo label's mask of a probability map: 1 where {@code p > }{@value #THRESHOLD}, else 0. */
    static float[] maskOf(float[] probability) {
        float[] mask = new float[probability.length];
        for (int p = 0; p < mask.length; p++) {
            mask[p] = probability[p] > THRESHOLD ? 1 : 0;
        }
        return mask;
    }

    /** Reads the pseudo label of {@code image} saved by {@link #write} under {@code dir}. */
    public static PseudoLabel read(Path dir, String name, Volume image) {
        Volume stored = SliceImageReader.readMask(maskFile(dir, name), MaskEncoding.BINARY_0_255,
                SliceOrientation.DISPLAY);
        return withMask(name, image, image.fromSource().apply(stored).toArray());
    }

    /** The pseudo label of {@code image} whose mask (0/1, the image's size) is already made. */
    static PseudoLabel withMask(String name, Volume image, float[] mask) {
        float[] edge = MaskEdges.of(mask, image.width(), image.height(), EDGE_RADIUS);
        return new PseudoLabel(name, image, image.withVoxels(mask, IntensityUnit.LABEL),
                image.withVoxels(edge, IntensityUnit.LABEL));
    }

    /** Whether {@link #write} has saved the pseudo label named {@code name} under {@code dir}. */
    public static boolean isSaved(Path dir, String name) {
        return maskFile(dir, name).toFile().isFile();
    }

    /** Writes the mask and then the edge map (each atomically). */
    public void write(Path dir) {
        SliceImageWriter.writeGrey8(maskFile(dir, name), inFileOrder(mask), SliceOrientation.DISPLAY);
        SliceImageWriter.writeGrey8(dir.resolve(EDGES).resolve(name + ".png"), inFileOrder(edge),
                SliceOrientation.DISPLAY);
    }

    /** Writes the mask as a 0/255 PNG {@code GT/<name>.png} stored in {@code orientation}, as a dataset stores it. */
    public void writeMask(Path dir, SliceOrientation orientation) {
        SliceImageWriter.writeGrey8(maskFile(dir, name), times255(mask), orientation);
    }

    /** Writes the edge map as a 0/255 PNG {@code Edge/<name>.png} stored in {@code orientation}. */
    public void writeEdge(Path dir, SliceOrientation orientation) {
        SliceImageWriter.writeGrey8(dir.resolve(EDGES).resolve(name + ".png"), times255(edge), orientation);
    }

    /** The share of the slice's pixels labelled as infection. */
    public double infectedShare() {
        float[] m = mask.toArray();
        double sum = 0;
        for (float v : m) {
            sum += v;
        }
        return sum / m.length;
    }

    public LabeledSlice toLabeledSlice() {
        return new LabeledSlice(name, image, mask, Optional.of(edge));
    }

    private Volume inFileOrder(Volume plane) {
        return image.fromSource().inverse().apply(times255(plane));
    }

    private static Volume times255(Volume plane) {
        float[] grey = plane.toArray();
        for (int p = 0; p < grey.length; p++) {
            grey[p] *= 255;
        }
        return plane.withVoxels(grey, IntensityUnit.LABEL);
    }

    private static Path maskFile(Path dir, String name) {
        return dir.resolve(MASKS).resolve(name + ".png");
    }
}
