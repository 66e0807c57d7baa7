package org.covseg.infer;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.covseg.CovsegException;
import org.covseg.image.Volume;
import org.covseg.lungs.LungMasks;

/**
 * The lung box of an axial slice, the region the networks are run on (COVID-SemiSeg training slices are cut to the
 * lung box): the bounding box of both lungs found on the slice alone, widened by {@value #MARGIN_FRACTION} of the
 * slice's size on each side. The infection and the class networks run on the same boxes; each slice's box is found
 * once (remembered by a digest of the slice's pixels, not the pixels, so a batch of studies holds no image data here)
 * and shared by both.
 */
public final class LungBoxes {

    static final double MARGIN_FRACTION = 0.02;

    private final LungMasks lungs;
    private final Map<SliceKey, Optional<int[]>> found = new ConcurrentHashMap<>();

    public LungBoxes(LungMasks lungs) {
        this.lungs = lungs;
    }

    /**
     * The slice's box {x0, y0, x1, y1} (inclusive), or null when the slice has no lung. Safe to call from several
     * threads: two that meet the same new slice both find its box, and the first one's is kept.
     */
    public int[] of(Volume slice) {
        SliceKey key = SliceKey.of(slice);
        Optional<int[]> box = found.get(key);
        if (box == null) {
            Optional<int[]> mine = Optional.ofNullable(find(slice, lungs));
            box = Objects.requireNonNullElse(found.putIfAbsent(key, mine), mine);
        }
        return box.orElse(null);
    }

    /** A slice's size and the SHA-256 of its pixels: equal for slices with the same pixels. */
    private record SliceKey(int width, int height, String sha256) {
        static SliceKey of(Volume slice) {
            float[] pixels = slice.toArray();
            ByteBuffer bytes = ByteBuffer.allocate(Float.BYTES * pixels.length);
            bytes.asFloatBuffer().put(pixels);
            try {
                return new SliceKey(slice.width(), slice.height(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.array())));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }
    }

    private static int[] find(Volume slice, LungMasks lungs) {
        try {
            return around(lungs.segment(slice, Optional.empty()));
        } catch (CovsegException noLung) {
            return null;
        }
    }

    /** The box around the non-zero pixels of a slice's lung labels, widened by the margin; null when there are none. */
    public static int[] around(Volume labels) {
        int w = labels.width();
        int h = labels.height();
        int x0 = w;
        int y0 = h;
        int x1 = -1;
        int y1 = -1;
        float[] l = labels.voxelsToRead();
        for (int p = 0; p < w * h; p++) {
            if (l[p] != 0) {
                x0 = Math.min(x0, p % w);
                x1 = Math.max(x1, p % w);
                y0 = Math.min(y0, p / w);
                y1 = Math.max(y1, p / w);
            }
        }
        if (x1 < 0) {
            return null;
        }
        int mx = (int) Math.ceil(MARGIN_FRACTION * w);
        int my = (int) Math.ceil(MARGIN_FRACTION * h);
        return new int[] {Math.max(0, x0 - mx), Math.max(0, y0 - my), Math.min(w - 1, x1 + mx),
            Math.min(h - 1, y1 + my)};
    }

    /** The box of a whole slice. */
    public static int[] whole(Volume slice) {
        return new int[] {0, 0, slice.width() - 1, slice.height() - 1};
    }

    public static Volume crop(Volume slice, int[] box) {
        int cw = box[2] - box[0] + 1;
        int ch = box[3] - box[1] + 1;
        float[] out = new float[cw * ch];
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                out[y * cw + x] = slice.get(box[0] + x, box[1] + y, 0);
            }
        }
        return slice.toBuilder().dimensions(cw, ch, 1).voxels(out)
                .affine(slice.affine().startingAt(box[0], box[1], 0)).build();
    }

    /** The part of a row-major map of a slice {@code width} wide that lies in {@code box}. */
    public static float[] crop(float[] map, int[] box, int width) {
        int cw = box[2] - box[0] + 1;
        int ch = box[3] - box[1] + 1;
        float[] out = new float[cw * ch];
        for (int y = 0; y < ch; y++) {
            System.arraycopy(map, (box[1] + y) * width + box[0], out, y * cw, cw);
        }
        return out;
    }

    public static void paste(float[] cropMap, int[] box, float[] map, int width) {
        int cw = box[2] - box[0] + 1;
        for (int p = 0; p < cropMap.length; p++) {
            map[(box[1] + p / cw) * width + box[0] + p % cw] = cropMap[p];
        }
    }
}
