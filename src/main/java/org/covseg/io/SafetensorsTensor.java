package org.covseg.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * One named tensor of a safetensors file: its element type, its shape (empty for a scalar) and its raw
 * little-endian bytes, row-major. Holds no DJL types, so io stays independent of the network engine.
 * Equality of records compares the arrays by identity; compare {@link #shape()} and {@link #data()} explicitly.
 */
public record SafetensorsTensor(String name, SafetensorsDtype dtype, long[] shape, byte[] data) {

    public SafetensorsTensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(data, "data");
        shape = shape.clone();
        long expected = elementCount(shape) * dtype.byteSize();
        if (data.length != expected) {
            throw new IllegalArgumentException("tensor " + name + " of shape " + Arrays.toString(shape) + " and dtype "
                    + dtype + " needs " + expected + " bytes, got " + data.length);
        }
    }

    /** A float32 tensor holding {@code values}. */
    public static SafetensorsTensor ofFloats(String name, long[] shape, float[] values) {
        ByteBuffer buf = newBuffer(values.length * 4L);
        buf.asFloatBuffer().put(values);
        return new SafetensorsTensor(name, SafetensorsDtype.F32, shape, buf.array());
    }

    /** A tensor of floating-point type {@code dtype} (F32, F16 or BF16; narrower types round to nearest even). */
    public static SafetensorsTensor ofFloats(String name, long[] shape, float[] values, SafetensorsDtype dtype) {
        if (dtype == SafetensorsDtype.F32) {
            return ofFloats(name, shape, values);
        }
        if (dtype != SafetensorsDtype.F16 && dtype != SafetensorsDtype.BF16) {
            throw new IllegalArgumentException("not a floating-point dtype: " + dtype);
        }
        ByteBuffer buf = newBuffer(values.length * 2L);
        for (float v : values) {
            buf.putShort(dtype == SafetensorsDtype.F16 ? Float16.fromFloat(v) : Float16.bfloat16FromFloat(v));
        }
        return new SafetensorsTensor(name, dtype, shape, buf.array());
    }

    /** An int64 tensor holding {@code values}. */
    public static SafetensorsTensor ofLongs(String name, long[] shape, long[] values) {
        ByteBuffer buf = newBuffer(values.length * 8L);
        buf.asLongBuffer().put(values);
        return new SafetensorsTensor(name, SafetensorsDtype.I64, shape, buf.array());
    }

    /** The number of elements of a tensor of this shape (1 for a scalar); throws on a negative dimension. */
    public static long elementCount(long[] shape) {
        long n = 1;
        for (long d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in shape " + Arrays.toString(shape));
            }
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public long elementCount() {
        return elementCount(shape);
    }

    /** The values converted to float (exact for F16, BF16 and F32; I64 rounds beyond 2^24). */
    public float[] toFloatArray() {
        ByteBuffer buf = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        float[] out = new float[Math.toIntExact(elementCount())];
        switch (dtype) {
            case F32 -> buf.asFloatBuffer().get(out);
            case F16 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = Float16.toFloat(buf.getShort(2 * i));
                }
            }
            case BF16 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = Float.intBitsToFloat((buf.getShort(2 * i) & 0xFFFF) << 16);
                }
            }
            case I64 -> {
                for (int i = 0; i < out.length; i++) {
                    out[i] = buf.getLong(8 * i);
                }
            }
        }
        return out;
    }

    /** The values of an I64 tensor. */
    public long[] toLongArray() {
        if (dtype != SafetensorsDtype.I64) {
            throw new IllegalStateException("tensor " + name + " is " + dtype + ", not I64");
        }
        long[] out = new long[Math.toIntExact(elementCount())];
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer().get(out);
        return out;
    }

    private static ByteBuffer newBuffer(long bytes) {
        return ByteBuffer.allocate(Math.toIntExact(bytes)).order(ByteOrder.LITTLE_ENDIAN);
    }
}
