package org.covseg.io;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The NIfTI-1 voxel datatypes covseg reads and writes (real scalars only; complex, RGB and 64-bit integers are
 * refused). Decoding and encoding work on whole buffers so a 100-million-voxel volume converts in a few hundred ms.
 */
public enum NiftiDatatype {
    UINT8(2, 1, 0, 255),
    INT16(4, 2, Short.MIN_VALUE, Short.MAX_VALUE),
    INT32(8, 4, Integer.MIN_VALUE, Integer.MAX_VALUE),
    FLOAT32(16, 4, -Float.MAX_VALUE, Float.MAX_VALUE),
    FLOAT64(64, 8, -Double.MAX_VALUE, Double.MAX_VALUE),
    INT8(256, 1, Byte.MIN_VALUE, Byte.MAX_VALUE),
    UINT16(512, 2, 0, 65535),
    UINT32(768, 4, 0, 4294967295.0);

    private final int code;
    private final int bytes;
    private final double min;
    private final double max;

    NiftiDatatype(int code, int bytes, double min, double max) {
        this.code = code;
        this.bytes = bytes;
        this.min = min;
        this.max = max;
    }

    /** The datatype with this NIfTI code, if covseg supports it. */
    public static Optional<NiftiDatatype> ofCode(int code) {
        return find(t -> t.code == code);
    }

    /** Parses a datatype name as given on the command line ("uint8", "int16", "float32", ...). */
    public static Optional<NiftiDatatype> ofName(String name) {
        return find(t -> t.label().equalsIgnoreCase(name.trim()));
    }

    private static Optional<NiftiDatatype> find(Predicate<NiftiDatatype> test) {
        return Arrays.stream(values()).filter(test).findFirst();
    }

    public int code() {
        return code;
    }

    public int bytesPerVoxel() {
        return bytes;
    }

    public boolean isFloatingPoint() {
        return this == FLOAT32 || this == FLOAT64;
    }

    /** Smallest and largest value the type holds. */
    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** Lower-case name as in NIfTI tools: "uint8", "int16", "float32", ... */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Decodes {@code count} voxels from {@code src} (positioned at the first, in the buffer's byte order) into
     * {@code dst[dstOffset...]}, as {@code raw · slope + inter} computed in double precision.
     */
    void decode(ByteBuffer src, int count, double slope, double inter, float[] dst, int dstOffset) {
        boolean scaled = slope != 1 || inter != 0;
        int at = src.position();
        for (int n = 0; n < count; n++) {
            double raw = switch (this) {
                case UINT8 -> src.get(at + n) & 0xFF;
                case INT8 -> src.get(at + n);
                case INT16 -> src.getShort(at + 2 * n);
                case UINT16 -> src.getShort(at + 2 * n) & 0xFFFF;
                case INT32 -> src.getInt(at + 4 * n);
                case UINT32 -> src.getInt(at + 4 * n) & 0xFFFFFFFFL;
                case FLOAT32 -> src.getFloat(at + 4 * n);
                case FLOAT64 -> src.getDouble(at + 8 * n);
            };
            dst[dstOffset + n] = (float) (scaled ? raw * slope + inter : raw);
        }
        src.position(at + count * bytes);
    }

    /**
     * Encodes {@code count} values of {@code src} from {@code srcOffset} into {@code dst} at its position, integer
     * types rounded to the nearest integer. Values must already lie in {@link #min()}..{@link #max()}.
     */
    void encode(float[] src, int srcOffset, int count, ByteBuffer dst) {
        for (int n = srcOffset; n < srcOffset + count; n++) {
            float v = src[n];
            switch (this) {
                case UINT8, INT8 -> dst.put((byte) Math.round(v));
                case INT16, UINT16 -> dst.putShort((short) Math.round(v));
                case INT32, UINT32 -> dst.putInt((int) Math.round((double) v));
                case FLOAT32 -> dst.putFloat(v);
                case FLOAT64 -> dst.putDouble(v);
            }
        }
    }
}
