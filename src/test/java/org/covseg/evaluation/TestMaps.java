package org.covseg.evaluation;

import java.nio.file.Path;
import org.covseg.image.Volume;
import org.covseg.io.SliceImageWriter;
import org.covseg.io.SliceOrientation;

/** Small hand-made maps and masks written as PNG files, for evaluation tests. */
public final class TestMaps {

    private TestMaps() {
    }

    /** A w x h map holding {@code inside} on the rectangle [x0, x1) x [y0, y1) and 0 elsewhere. */
    public static float[] rectangle(int w, int h, int x0, int y0, int x1, int y1, float inside) {
        float[] v = new float[w * h];
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                v[y * w + x] = inside;
            }
        }
        return v;
    }

    /** Each pixel repeated {@code factor} times along both axes. */
    public static float[] enlarge(float[] v, int w, int h, int factor) {
        float[] out = new float[w * factor * h * factor];
        for (int y = 0; y < h * factor; y++) {
            for (int x = 0; x < w * factor; x++) {
                out[y * w * factor + x] = v[(y / factor) * w + x / factor];
            }
        }
        return out;
    }

    /** An 8-bit grey PNG of these levels (0..255). */
    public static Path writeGrey(Path file, float[] levels, int w, int h) {
        SliceImageWriter.writeGrey8(file, Volume.builder(w, h, 1).voxels(levels).build(), SliceOrientation.DISPLAY);
        return file;
    }

    /** A palette PNG of these labels. */
    public static Path writeLabels(Path file, float[] labels, int w, int h) {
        SliceImageWriter.writeLabels(file, Volume.builder(w, h, 1).voxels(labels).build(), SliceOrientation.DISPLAY);
        return file;
    }
}
