package org.covseg.image;

import java.util.Arrays;

/**
 * A permutation and flip of the three voxel axes. Canonical axis c is source axis {@code axis[c]}, read backwards
 * when {@code flip[c]}. Readers record the one they applied in {@link Volume#fromSource()} so writers can put
 * results back in the source file's voxel order and geometry.
 */
public final class Reorientation {

    private static final Reorientation IDENTITY = new Reorientation(new int[] {0, 1, 2}, new boolean[3]);

    private final int[] axis;
    private final boolean[] flip;

    public Reorientation(int[] axis, boolean[] flip) {
        if (axis.length != 3 || flip.length != 3 || !isPermutation(axis)) {
            throw new IllegalArgumentException("not a permutation of 3 axes: " + Arrays.toString(axis));
        }
        this.axis = axis.clone();
        this.flip = flip.clone();
    }

    public static Reorientation identity() {
        return IDENTITY;
    }

    /**
     * The reorientation that brings voxels stored with the given affine (source voxel index → RAS+ mm) to the
     * canonical orientation: axis 0 toward patient Left (world −x), 1 toward Posterior (−y), 2 toward Superior (+z).
     * Each source axis is assigned to the world axis it is most aligned with.
     */
    public static Reorientation toCanonical(Affine source) {
        double[] canonicalDirection = {-1, -1, 1};
        int[] axis = new int[3];
        boolean[] flip = new boolean[3];
        boolean[] worldUsed = new boolean[3];
        boolean[] sourceUsed = new boolean[3];
        // Assign the most clearly aligned (source axis, world axis) pairs first so oblique scans stay a permutation.
        for (int round = 0; round < 3; round++) {
            int bestSrc = -1;
            int bestWorld = -1;
            double best = -1;
            for (int src = 0; src < 3; src++) {
                double norm = source.columnNorm(src);
                for (int w = 0; w < 3 && !sourceUsed[src]; w++) {
                    double cos = norm == 0 ? 0 : Math.abs(source.get(w, src)) / norm;
                    if (!worldUsed[w] && cos > best) {
                        best = cos;
                        bestSrc = src;
                        bestWorld = w;
                    }
                }
            }
            worldUsed[bestWorld] = true;
            sourceUsed[bestSrc] = true;
            axis[bestWorld] = bestSrc;
            flip[bestWorld] = Math.signum(source.get(bestWorld, bestSrc)) != canonicalDirection[bestWorld];
        }
        return new Reorientation(axis, flip);
    }

    public boolean isIdentity() {
        return Arrays.equals(axis, IDENTITY.axis) && Arrays.equals(flip, IDENTITY.flip);
    }

    /** Source axis that canonical axis c reads. */
    public int sourceAxis(int c) {
        return axis[c];
    }

    public boolean flipped(int c) {
        return flip[c];
    }

    /** The reorientation that undoes this one. */
    public Reorientation inverse() {
        int[] invAxis = new int[3];
        boolean[] invFlip = new boolean[3];
        for (int c = 0; c < 3; c++) {
            invAxis[axis[c]] = c;
            invFlip[axis[c]] = flip[c];
        }
        return new Reorientation(invAxis, invFlip);
    }

    /**
     * Reorients a volume: voxels, spacing and affine, so that every voxel keeps its world position.
     * The result records {@code source.fromSource()} composed with this reorientation.
     */
    public Volume apply(Volume source) {
        int[] srcDims = {source.width(), source.height(), source.depth()};
        int[] dims = new int[3];
        for (int c = 0; c < 3; c++) {
            dims[c] = srcDims[axis[c]];
        }
        Volume.Builder reoriented = source.toBuilder().dimensions(dims[0], dims[1], dims[2]);
        if (source.isLabelMap()) {
            byte[] src = source.labelsToRead();
            byte[] out = new byte[src.length];
            visit(srcDims, dims, (to, from) -> out[to] = src[from]);
            reoriented.labels(out);
        } else if (source.isShorts()) {
            short[] src = source.shortsToRead();
            short[] out = new short[src.length];
            visit(srcDims, dims, (to, from) -> out[to] = src[from]);
            reoriented.shorts(out);
        } else {
            float[] src = source.voxelsToRead();
            float[] out = new float[src.length];
            visit(srcDims, dims, (to, from) -> out[to] = src[from]);
            reoriented.voxels(out);
        }
        double[] srcSpacing = source.spacing();
        return reoriented
                .spacing(srcSpacing[axis[0]], srcSpacing[axis[1]], srcSpacing[axis[2]])
                .affine(applyTo(source.affine(), srcDims))
                .fromSource(compose(source.fromSource()))
                .build();
    }

    /** Whether the slice axis stays the slice axis, so that a volume can be reoriented a slice at a time. */
    public boolean keepsSliceAxis() {
        return axis[2] == 2;
    }

    /**
     * Slice k of {@link #apply apply(source)}, made from the one slice of {@code source} it comes from, so that a
     * large volume can be reoriented without a whole copy; the result holds its voxels as {@code source} does.
     *
     * @throws IllegalStateException when this reorientation moves the slice axis ({@link #keepsSliceAxis()})
     */
    public Volume slice(Volume source, int k) {
        if (!keepsSliceAxis()) {
            throw new IllegalStateException(this + " moves the slice axis: reorient the whole volume");
        }
        int from = flip[2] ? source.depth() - 1 - k : k;
        return new Reorientation(new int[] {axis[0], axis[1], 2}, new boolean[] {flip[0], flip[1], false})
                .apply(source.slice(from));
    }

    /** The dimensions of {@link #apply apply(source)}. */
    public int[] dimensionsOf(Volume source) {
        int[] srcDims = {source.width(), source.height(), source.depth()};
        return new int[] {srcDims[axis[0]], srcDims[axis[1]], srcDims[axis[2]]};
    }

    /** The affine of {@link #apply apply(source)}. */
    public Affine affineOf(Volume source) {
        return applyTo(source.affine(), new int[] {source.width(), source.height(), source.depth()});
    }

    /** Where each voxel of the reoriented volume comes from: {@code copy} takes (its index, its source's index). */
    private void visit(int[] srcDims, int[] dims, IndexCopy copy) {
        // The source index is linear in the canonical one: start + Σ step[c] · a[c] (negative steps when flipped).
        int[] srcStride = {1, srcDims[0], srcDims[0] * srcDims[1]};
        int[] step = new int[3];
        int start = 0;
        for (int c = 0; c < 3; c++) {
            step[c] = flip[c] ? -srcStride[axis[c]] : srcStride[axis[c]];
            start += flip[c] ? srcStride[axis[c]] * (dims[c] - 1) : 0;
        }
        int p = 0;
        for (int k = 0; k < dims[2]; k++) {
            for (int j = 0; j < dims[1]; j++) {
                int row = start + step[2] * k + step[1] * j;
                for (int i = 0; i < dims[0]; i++) {
                    copy.copy(p++, row + step[0] * i);
                }
            }
        }
    }

    private interface IndexCopy {
        void copy(int to, int from);
    }

    /** The affine of the reoriented volume given the source affine and source dimensions. */
    Affine applyTo(Affine a, int[] srcDims) {
        // source index s = P·c + t, with P[axis[c]][c] = ±1 and t[axis[c]] = flip ? dims-1 : 0.
        double[] r = new double[12];
        for (int row = 0; row < 3; row++) {
            double t = a.get(row, 3);
            for (int c = 0; c < 3; c++) {
                int src = axis[c];
                double col = a.get(row, src);
                r[row * 4 + c] = flip[c] ? -col : col;
                if (flip[c]) {
                    t += col * (srcDims[src] - 1);
                }
            }
            r[row * 4 + 3] = t;
        }
        return Affine.ofRows(r);
    }

    /** This reorientation applied after {@code first}: the map from first's source straight to our result. */
    public Reorientation compose(Reorientation first) {
        int[] ax = new int[3];
        boolean[] fl = new boolean[3];
        for (int c = 0; c < 3; c++) {
            ax[c] = first.axis[axis[c]];
            fl[c] = flip[c] ^ first.flip[axis[c]];
        }
        return new Reorientation(ax, fl);
    }

    private static boolean isPermutation(int[] a) {
        boolean[] seen = new boolean[3];
        for (int v : a) {
            if (v < 0 || v > 2 || seen[v]) {
                return false;
            }
            seen[v] = true;
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reorientation r && Arrays.equals(axis, r.axis) && Arrays.equals(flip, r.flip);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(axis) + Arrays.hashCode(flip);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Reorientation[");
        for (int c = 0; c < 3; c++) {
            sb.append(c == 0 ? "" : ", ").append(flip[c] ? "-" : "+").append(axis[c]);
        }
        return sb.append(']').toString();
    }
}
