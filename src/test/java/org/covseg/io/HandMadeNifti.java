package org.covseg.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * A NIfTI-1 file assembled field by field from the offsets of nifti1.h, independently of {@link NiftiHeader}, so
 * tests check the reader against the specification rather than against our own writer. Defaults: a 2x3x4 int16
 * little-endian volume, sform (code 1) diag(-1, -2, 3) which is already canonical, values 0..23 in file order.
 */
final class HandMadeNifti {

    ByteOrder order = ByteOrder.LITTLE_ENDIAN;
    int sizeofHdr = 348;
    short[] dim = {3, 2, 3, 4, 1, 1, 1, 1};
    short datatype = 4;
    float[] pixdim = {1, 1, 2, 3, 0, 0, 0, 0};
    float voxOffset = 352;
    float sclSlope = 0;
    float sclInter = 0;
    byte xyztUnits = 10;
    String descrip = "hand made";
    short qformCode = 0;
    short sformCode = 1;
    float[] quatern = new float[6];
    float[] srow = {-1, 0, 0, 10, 0, -2, 0, 20, 0, 0, 3, 30};
    String magic = "n+1\0";
    /** Stored values in file order, encoded with {@link #datatype} (or raw bytes when {@link #rawData} is set). */
    double[] values = sequence(24);
    byte[] rawData;

    static double[] sequence(int n) {
        double[] v = new double[n];
        for (int p = 0; p < n; p++) {
            v[p] = p;
        }
        return v;
    }

    byte[] bytes() {
        ByteBuffer h = ByteBuffer.allocate(348).order(order);
        h.putInt(0, sizeofHdr);
        for (int d = 0; d < 8; d++) {
            h.putShort(40 + 2 * d, dim[d]);
        }
        h.putShort(70, datatype);
        h.putShort(72, (short) (8 * bytesPerVoxel()));
        for (int d = 0; d < 8; d++) {
            h.putFloat(76 + 4 * d, pixdim[d]);
        }
        h.putFloat(108, voxOffset);
        h.putFloat(112, sclSlope);
        h.putFloat(116, sclInter);
        h.put(123, xyztUnits);
        byte[] text = descrip.getBytes(StandardCharsets.US_ASCII);
        h.put(148, text);
        h.putShort(252, qformCode);
        h.putShort(254, sformCode);
        for (int n = 0; n < 6; n++) {
            h.putFloat(256 + 4 * n, quatern[n]);
        }
        for (int n = 0; n < 12; n++) {
            h.putFloat(280 + 4 * n, srow[n]);
        }
        h.put(344, magic.getBytes(StandardCharsets.ISO_8859_1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(h.array());
        out.writeBytes(new byte[Math.max(0, (int) voxOffset - 348)]);
        out.writeBytes(rawData != null ? rawData : data());
        return out.toByteArray();
    }

    Path writeTo(Path file) throws IOException {
        byte[] content = bytes();
        if (file.getFileName().toString().endsWith(".gz")) {
            ByteArrayOutputStream gz = new ByteArrayOutputStream();
            try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
                z.write(content);
            }
            content = gz.toByteArray();
        }
        return Files.write(file, content);
    }

    private int bytesPerVoxel() {
        return switch (datatype) {
            case 2, 256 -> 1;
            case 4, 512 -> 2;
            case 8, 16, 768 -> 4;
            case 64 -> 8;
            default -> 1;
        };
    }

    private byte[] data() {
        ByteBuffer b = ByteBuffer.allocate(values.length * bytesPerVoxel()).order(order);
        for (double v : values) {
            switch (datatype) {
                case 2, 256 -> b.put((byte) (long) v);
                case 4, 512 -> b.putShort((short) (long) v);
                case 8, 768 -> b.putInt((int) (long) v);
                case 16 -> b.putFloat((float) v);
                case 64 -> b.putDouble(v);
                default -> throw new IllegalStateException("no test encoding for datatype " + datatype);
            }
        }
        return b.array();
    }
}
