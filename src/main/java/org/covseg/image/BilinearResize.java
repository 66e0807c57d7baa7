package org.covseg.image;

/**
 * Bilinear resizing exactly as PyTorch's {@code F.interpolate(mode='bilinear')} without antialiasing, for both
 * {@code align_corners} conventions and any input and output sizes (up or down). Separable: each axis is a 1-D
 * interpolation matrix, which the networks reuse as matrix products so gradients flow.
 */
public final class BilinearResize {

    private BilinearResize() {
    }

    /**
     * The {@code out x in} row-major matrix M with {@code y = M·x} along one axis.
     * align_corners=false: source coordinate (d + ½)·in/out − ½, clamped at 0; align_corners=true: d·(in−1)/(out−1).
     */
    public static float[] matrix(int in, int out, boolean alignCorners) {
        if (in <= 0 || out <= 0) {
            throw new IllegalArgumentException("sizes must be positive: " + in + " -> " + out);
        }
        float[] m = new float[out * in];
        for (int d = 0; d < out; d++) {
            double src;
            if (alignCorners) {
                src = out > 1 ? d * (double) (in - 1) / (out - 1) : 0;
            } else {
                src = Math.max(0, (d + 0.5) * in / out - 0.5);
            }
            int i0 = Math.min((int) Math.floor(src), in - 1);
            int i1 = Math.min(i0 + 1, in - 1);
            double lambda = src - i0;
            m[d * in + i0] += (float) (1 - lambda);
            m[d * in + i1] += (float) lambda;
        }
        return m;
    }

    /** Resizes a row-major {@code width x height} image to {@code newWidth x newHeight}. */
    public static float[] resize(float[] src, int width, int height, int newWidth, int newHeight,
            boolean alignCorners) {
        if (src.length != width * height) {
            throw new IllegalArgumentException("image holds " + src.length + " values, not " + width + "x" + height);
        }
        Taps tx = Taps.of(matrix(width, newWidth, alignCorners), width);
        Taps ty = Taps.of(matrix(height, newHeight, alignCorners), height);
        float[] rows = new float[height * newWidth];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < newWidth; x++) {
                rows[y * newWidth + x] = tx.apply(x, src, y * width, 1);
            }
        }
        float[] out = new float[newHeight * newWidth];
        for (int y = 0; y < newHeight; y++) {
            for (int x = 0; x < newWidth; x++) {
                out[y * newWidth + x] = ty.apply(y, rows, x, newWidth);
            }
        }
        return out;
    }

    /** Resizes each slice of a depth-1 volume; geometry (spacing, affine) scales with it. */
    public static Volume resize(Volume slice, int newWidth, int newHeight, boolean alignCorners) {
        if (slice.depth() != 1) {
            throw new IllegalArgumentException("resize works on single slices, got depth " + slice.depth());
        }
        float[] out = resize(slice.toArray(), slice.width(), slice.height(), newWidth, newHeight, alignCorners);
        double[] s = slice.spacing();
        double fx = (double) slice.width() / newWidth;
        double fy = (double) slice.height() / newHeight;
        double[] r = slice.affine().rows();
        for (int row = 0; row < 3; row++) {
            r[row * 4] *= fx;
            r[row * 4 + 1] *= fy;
        }
        return slice.toBuilder().dimensions(newWidth, newHeight, 1).voxels(out)
                .spacing(s[0] * fx, s[1] * fy, s[2]).affine(Affine.ofRows(r)).build();
    }

    /**
     * The non-zero weights of each row of an interpolation {@link #matrix} (at most two, in column order), so that a
     * resize costs two products per value instead of a pass over the whole row, with the same sums.
     */
    private record Taps(int[] first, float[] firstWeight, int[] second, float[] secondWeight) {

        static Taps of(float[] m, int n) {
            int rows = m.length / n;
            Taps t = new Taps(new int[rows], new float[rows], new int[rows], new float[rows]);
            for (int row = 0; row < rows; row++) {
                int found = 0;
                for (int i = 0; i < n; i++) {
                    float w = m[row * n + i];
                    if (w != 0 && found == 0) {
                        t.first[row] = i;
                        t.firstWeight[row] = w;
                        found++;
                    } else if (w != 0) {
                        t.second[row] = i;
                        t.secondWeight[row] = w;
                    }
                }
            }
            return t;
        }

        /** Σ_i m[row, i] · v[offset + i·stride] over the row's non-zero weights, summed in column order. */
        float apply(int row, float[] v, int offset, int stride) {
            float sum = 0;
            if (firstWeight[row] != 0) {
                sum += firstWeight[row] * v[offset + first[row] * stride];
            }
            if (secondWeight[row] != 0) {
                sum += secondWeight[row] * v[offset + second[row] * stride];
            }
            return sum;
        }
    }
}
