package org.covseg.image;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * A CT volume (or a single slice: depth 1) in the canonical orientation, held as float voxels, or as unsigned bytes
 * when it is a label map ({@link #asLabels()}): a quarter of the memory, and the same values through every accessor;
 * as 16-bit whole numbers when every voxel is one ({@link #asShortsIfWhole()}: a CT in HU, half the memory);
 * or as floats in a temporary file ({@link #withSpilledSlices}), read back a slice at a time, for a volume that is
 * only read slice by slice and need not take memory meanwhile.
 *
 * <p><b>Canonical orientation</b> (every reader converts to it): index i runs along image columns from the
 * patient's Right to Left, j along rows from Anterior to Posterior, k along slices from Inferior to Superior.
 * An axial slice therefore looks as in the radiological display (patient's right on the viewer's left,
 * anterior at the top), like DICOM viewers and the MedSeg 512x512 PNGs. The COVID-SemiSeg training slices are
 * stored transposed; their dataset reader transposes them on read, so the networks only ever see this orientation.
 *
 * <p>Voxel (i, j, k) is stored at {@code offset + i + width * (j + height * k)} of the backing array. Slice views
 * share that array; {@link #copy()} does not.
 */
public final class Volume {

    private final float[] voxels;
    /** The voxels as unsigned bytes instead of {@link #voxels}. */
    private final byte[] labels;
    /** The voxels as 16-bit whole numbers instead of {@link #voxels}. */
    private final short[] shorts;
    /** The voxels in a temporary file instead of {@link #voxels} (of the four, exactly one is not null). */
    private final SpilledFloats spilled;
    private final int offset;
    private final int width;
    private final int height;
    private final int depth;
    private final double[] spacing;
    private final Affine affine;
    private final IntensityUnit unit;
    private final Reorientation fromSource;
    private final Map<String, String> metadata;

    private Volume(Builder b) {
        this.width = b.width;
        this.height = b.height;
        this.depth = b.depth;
        long n = (long) width * height * depth;
        if (width <= 0 || height <= 0 || depth <= 0) {
            throw new IllegalArgumentException("volume dimensions must be positive: " + width + "x" + height + "x" + depth);
        }
        this.labels = b.labels;
        this.shorts = b.shorts;
        this.spilled = b.spilled;
        this.voxels = b.labels != null || b.shorts != null || b.spilled != null ? null
                : b.voxels != null ? b.voxels : new float[Math.toIntExact(n)];
        this.offset = b.offset;
        long held = labels != null ? labels.length : shorts != null ? shorts.length
                : spilled != null ? spilled.count() : voxels.length;
        if (offset + n > held) {
            throw new IllegalArgumentException("voxel array holds " + held + " values, need " + (offset + n));
        }
        this.spacing = b.spacing.clone();
        this.affine = b.affine != null ? b.affine : Affine.diagonal(-spacing[0], -spacing[1], spacing[2]);
        this.unit = Objects.requireNonNull(b.unit, "unit");
        this.fromSource = b.fromSource != null ? b.fromSource : Reorientation.identity();
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
    }

    public static Builder builder(int width, int height, int depth) {
        return new Builder(width, height, depth);
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int depth() {
        return depth;
    }

    public long voxelCount() {
        return (long) width * height * depth;
    }

    public float get(int i, int j, int k) {
        return at(index(i, j, k));
    }

    /**
     * @throws IllegalArgumentException when a label map is given a value that is not a whole number in 0..255, or a
     *                                  volume of 16-bit whole numbers one that is not a whole number in its range
     * @throws UnsupportedOperationException for a volume kept in a file ({@link #withSpilledSlices}): it is read-only
     */
    public void set(int i, int j, int k, float value) {
        int p = index(i, j, k);
        if (voxels != null) {
            voxels[p] = value;
        } else if (labels != null) {
            labels[p] = label(value);
        } else if (shorts != null) {
            if (!isShort(value)) {
                throw new IllegalArgumentException("a 16-bit volume holds whole numbers -32768..32767, not " + value);
            }
            shorts[p] = (short) value;
        } else {
            throw new UnsupportedOperationException("a volume kept in a temporary file is read-only");
        }
    }

    private float at(int p) {
        return voxels != null ? voxels[p] : labels != null ? labels[p] & 0xff : shorts != null ? shorts[p]
                : spilled.get(p);
    }

    private static boolean isShort(float value) {
        return value >= Short.MIN_VALUE && value <= Short.MAX_VALUE && value == Math.rint(value);
    }

    private static byte label(float value) {
        if (!(value >= 0 && value <= 255 && value == Math.rint(value))) {
            throw new IllegalArgumentException("a label map holds whole numbers 0..255, not " + value);
        }
        return (byte) (int) value;
    }

    private int index(int i, int j, int k) {
        return offset + i + width * (j + height * k);
    }

    /** Voxel spacing in mm along i, j, k. */
    public double[] spacing() {
        return spacing.clone();
    }

    /** Canonical voxel index to world RAS+ millimetres. */
    public Affine affine() {
        return affine;
    }

    public IntensityUnit unit() {
        return unit;
    }

    /** How the source file's voxel axes were permuted and flipped to reach the canonical orientation. */
    public Reorientation fromSource() {
        return fromSource;
    }

    /** The affine of the source file's voxel order, before the reorientation to canonical. */
    public Affine sourceAffine() {
        return fromSource.inverse().applyTo(affine, new int[] {width, height, depth});
    }

    public Map<String, String> metadata() {
        return metadata;
    }

    /** Volume of one voxel in mm³ (area in mm² times slice spacing). */
    public double voxelVolumeMm3() {
        return spacing[0] * spacing[1] * spacing[2];
    }

    /** A depth-1 view of slice k sharing this volume's voxels. */
    public Volume slice(int k) {
        Objects.checkIndex(k, depth);
        return toBuilder().backing(index(0, 0, k), width, height, 1)
                .affine(affine.startingAt(0, 0, k))
                .build();
    }

    /** Depth-1 views of every slice, in order. */
    public List<Volume> slices() {
        return IntStream.range(0, depth).mapToObj(this::slice).toList();
    }

    /** The voxels of this volume (or view) as a new array in (i, j, k) order. */
    public float[] toArray() {
        float[] out = new float[Math.toIntExact(voxelCount())];
        copyInto(offset, out);
        return out;
    }

    private void copyInto(int from, float[] out) {
        if (voxels != null) {
            System.arraycopy(voxels, from, out, 0, out.length);
        } else if (labels != null) {
            for (int p = 0; p < out.length; p++) {
                out[p] = labels[from + p] & 0xff;
            }
        } else if (shorts != null) {
            for (int p = 0; p < out.length; p++) {
                out[p] = shorts[from + p];
            }
        } else {
            spilled.read(from, out);
        }
    }

    /**
     * The voxels in (i, j, k) order for reading only: this volume's own array when it is not a view into a larger
     * one, so that a whole-volume step need not copy it (563 MB for 537 slices of 512²); a copy for a label map,
     * 16-bit whole numbers or a volume kept in a file (see {@link #readOnlyVoxels()}). Never write to it.
     */
    public float[] voxelsToRead() {
        return voxels != null && offset == 0 && voxels.length == voxelCount() ? voxels : toArray();
    }

    /**
     * The voxels in (i, j, k) order for reading only, without a float copy for a volume of 16-bit whole numbers (as
     * {@link #voxelsToRead()} for floats); a float copy for the other kinds.
     */
    public Voxels readOnlyVoxels() {
        if (shorts != null) {
            return Voxels.ofShorts(shortsToRead());
        }
        return Voxels.of(voxelsToRead());
    }

    /** The 16-bit voxels in (i, j, k) order for reading only: their own array unless this volume is a view. */
    short[] shortsToRead() {
        if (shorts == null) {
            throw new IllegalStateException("not held as 16-bit whole numbers");
        }
        return offset == 0 && shorts.length == voxelCount() ? shorts
                : Arrays.copyOfRange(shorts, offset, offset + Math.toIntExact(voxelCount()));
    }

    /** Whether the voxels are held as 16-bit whole numbers ({@link #asShortsIfWhole()}). */
    public boolean isShorts() {
        return shorts != null;
    }

    /**
     * This float volume held as 16-bit whole numbers, half the memory, when every voxel is a whole number in
     * −32768..32767 (a CT in HU read from 8- or 16-bit voxels); else itself. The same values through every accessor.
     */
    public Volume asShortsIfWhole() {
        if (voxels == null) {
            return this;
        }
        int n = Math.toIntExact(voxelCount());
        for (int p = 0; p < n; p++) {
            if (!isShort(voxels[offset + p])) {
                return this;
            }
        }
        short[] out = new short[n];
        for (int p = 0; p < n; p++) {
            out[p] = (short) voxels[offset + p];
        }
        return toBuilder().shorts(out).build();
    }

    /** The voxels of slice k as a new array in (i, j) order. */
    public float[] sliceArray(int k) {
        float[] out = new float[width * height];
        readSlice(k, out);
        return out;
    }

    /** Reads slice k into {@code out} (width × height values, (i, j) order), so a loop over slices can reuse it. */
    public void readSlice(int k, float[] out) {
        Objects.checkIndex(k, depth);
        if (out.length != width * height) {
            throw new IllegalArgumentException("a slice has " + width * height + " voxels, not " + out.length);
        }
        copyInto(index(0, 0, k), out);
    }

    /**
     * A copy in memory that does not share this volume's voxels: a label map as labels, 16-bit whole numbers as such,
     * else as floats.
     */
    public Volume copy() {
        if (shorts != null) {
            short[] own = shortsToRead();
            return toBuilder().shorts(own == shorts ? own.clone() : own).build();
        }
        return labels == null ? toBuilder().voxels(toArray()).build() : toBuilder().labels(labelsCopy()).build();
    }

    /**
     * A float volume of this geometry and metadata, in {@code newUnit}, whose voxels are kept in a temporary file of
     * {@code java.io.tmpdir} instead of memory, written to it a slice at a time: slice k's width × height values are
     * {@code sliceK.apply(k)}, which the caller may drop once given, so the volume is never whole in memory. Every
     * accessor reads the same values back from the file (a slice at a time is quick, a voxel at a time is not); the
     * volume is read-only. The file has no name in its folder and goes once nothing refers to the volume or its views.
     *
     * @throws org.covseg.CovsegException when the file cannot be written
     */
    public Volume withSpilledSlices(IntFunction<float[]> sliceK, IntensityUnit newUnit) {
        return withSpilledSlices(sliceK, newUnit, spillFolder());
    }

    /**
     * Fails as {@link #withSpilledSlices(IntFunction, IntensityUnit)} would when its folder cannot take the file: for
     * a caller to learn it before the work whose result it will keep there, not after.
     *
     * @throws org.covseg.CovsegException when the folder cannot take a temporary file
     */
    public static void requireSpillFolder() {
        SpilledFloats.requireFolder(spillFolder());
    }

    private static Path spillFolder() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /** {@link #withSpilledSlices(IntFunction, IntensityUnit)} with the temporary file in {@code dir}. */
    Volume withSpilledSlices(IntFunction<float[]> sliceK, IntensityUnit newUnit, Path dir) {
        Builder b = toBuilder().unit(newUnit);
        b.spilled = SpilledFloats.ofPlanes(depth, width * height, sliceK, dir);
        b.voxels = null;
        b.labels = null;
        b.shorts = null;
        b.offset = 0;
        return b.build();
    }

    /**
     * For a volume kept in a temporary file ({@link #withSpilledSlices}): closes the file now, which removes it, rather
     * than once nothing refers to the volume. Neither it nor its views can be read afterwards. Does nothing for a
     * volume in memory.
     */
    public void closeFile() {
        if (spilled != null) {
            spilled.close();
        }
    }

    /** Whether the voxels are kept in a temporary file ({@link #withSpilledSlices}). */
    public boolean isSpilled() {
        return spilled != null;
    }

    private byte[] labelsCopy() {
        return Arrays.copyOfRange(labels, offset, offset + Math.toIntExact(voxelCount()));
    }

    /** A label map's bytes in (i, j, k) order for reading only: its own array unless it is a view. */
    byte[] labelsToRead() {
        if (labels == null) {
            throw new IllegalStateException("not a label map");
        }
        return offset == 0 && labels.length == voxelCount() ? labels : labelsCopy();
    }

    /** Whether the voxels are held as a label map ({@link #asLabels()}). */
    public boolean isLabelMap() {
        return labels != null;
    }

    /**
     * This volume held as a label map, one byte per voxel: itself if it already is one, else a copy.
     *
     * @throws IllegalArgumentException when a voxel is not a whole number in 0..255
     */
    public Volume asLabels() {
        if (labels != null) {
            return this;
        }
        byte[] out = new byte[Math.toIntExact(voxelCount())];
        for (int p = 0; p < out.length; p++) {
            out[p] = label(at(offset + p));
        }
        return toBuilder().labels(out).build();
    }

    /** A volume of the same geometry and metadata with other voxel values (and possibly unit), held as floats. */
    public Volume withVoxels(float[] newVoxels, IntensityUnit newUnit) {
        return toBuilder().voxels(newVoxels).unit(newUnit).build();
    }

    /** A label map ({@link IntensityUnit#LABEL}) of the same geometry and metadata; {@code values} are unsigned. */
    public Volume withLabels(byte[] values) {
        return toBuilder().labels(values).unit(IntensityUnit.LABEL).build();
    }

    /** A builder prefilled with this volume's geometry, unit and metadata (and its voxels). */
    public Builder toBuilder() {
        Builder b = new Builder(width, height, depth);
        b.voxels = voxels;
        b.labels = labels;
        b.shorts = shorts;
        b.spilled = spilled;
        b.offset = offset;
        b.spacing = spacing.clone();
        b.affine = affine;
        b.unit = unit;
        b.fromSource = fromSource;
        b.metadata.putAll(metadata);
        return b;
    }

    /** Min and max of the voxel values (NaN-free volumes are guaranteed by the readers). */
    public float[] range() {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        int n = Math.toIntExact(voxelCount());
        for (int p = offset; p < offset + n; p++) {
            float v = at(p);
            if (v < min) {
                min = v;
            }
            if (v > max) {
                max = v;
            }
        }
        return new float[] {min, max};
    }

    /** Where the voxels are above {@code threshold}, in (i, j, k) order: a quarter of a float copy's memory. */
    public boolean[] above(float threshold) {
        boolean[] out = new boolean[Math.toIntExact(voxelCount())];
        for (int p = 0; p < out.length; p++) {
            out[p] = at(offset + p) > threshold;
        }
        return out;
    }

    /** How many voxels are not 0 (a mask's foreground). */
    public long nonZeroCount() {
        long count = 0;
        int n = Math.toIntExact(voxelCount());
        for (int p = offset; p < offset + n; p++) {
            count += at(p) != 0 ? 1 : 0;
        }
        return count;
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "Volume[%dx%dx%d, spacing %.3fx%.3fx%.3f mm, %s]",
                width, height, depth, spacing[0], spacing[1], spacing[2], unit);
    }

    public static final class Builder {
        private int width;
        private int height;
        private int depth;
        private float[] voxels;
        private byte[] labels;
        private short[] shorts;
        private SpilledFloats spilled;
        private int offset;
        private double[] spacing = {1, 1, 1};
        private Affine affine;
        private IntensityUnit unit = IntensityUnit.HU;
        private Reorientation fromSource;
        private final Map<String, String> metadata = new LinkedHashMap<>();

        private Builder(int width, int height, int depth) {
            this.width = width;
            this.height = height;
            this.depth = depth;
        }

        /** Voxels in (i, j, k) order; the array is used, not copied. */
        public Builder voxels(float[] values) {
            this.voxels = values;
            this.labels = null;
            this.shorts = null;
            this.spilled = null;
            this.offset = 0;
            return this;
        }

        /** 16-bit whole-number voxels in (i, j, k) order; the array is used, not copied. */
        Builder shorts(short[] values) {
            this.shorts = values;
            this.voxels = null;
            this.labels = null;
            this.spilled = null;
            this.offset = 0;
            return this;
        }

        /** A label map's voxels in (i, j, k) order, unsigned; the array is used, not copied. */
        public Builder labels(byte[] values) {
            this.labels = values;
            this.voxels = null;
            this.shorts = null;
            this.spilled = null;
            this.offset = 0;
            return this;
        }

        private Builder backing(int start, int w, int h, int d) {
            this.offset = start;
            this.width = w;
            this.height = h;
            this.depth = d;
            return this;
        }

        public Builder dimensions(int w, int h, int d) {
            this.width = w;
            this.height = h;
            this.depth = d;
            return this;
        }

        public Builder spacing(double si, double sj, double sk) {
            this.spacing = new double[] {si, sj, sk};
            return this;
        }

        public Builder affine(Affine a) {
            this.affine = a;
            return this;
        }

        public Builder unit(IntensityUnit u) {
            this.unit = u;
            return this;
        }

        public Builder fromSource(Reorientation r) {
            this.fromSource = r;
            return this;
        }

        public Builder meta(String key, String value) {
            metadata.put(key, value);
            return this;
        }

        public Volume build() {
            return new Volume(this);
        }
    }
}
