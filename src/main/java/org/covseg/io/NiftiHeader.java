package org.covseg.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.covseg.CovsegException;
import org.covseg.image.Affine;

/**
 * The fields of a single-file NIfTI-1 header ({@code .nii}, magic "n+1") that covseg uses, parsed and validated, and
 * the geometry they describe.
 *
 * <p><b>Which affine</b> (voxel index → RAS+ mm; NIfTI's world is already RAS+): the sform when sform_code &gt; 0,
 * else the qform when qform_code &gt; 0, else the spec's "method 1" diagonal {@code (pixdim[1], pixdim[2],
 * pixdim[3])} with origin 0 (as nibabel does for the first two; its fallback also flips x, the spec's does not).
 * Lengths in metres or microns (xyzt_units) are converted to mm. The affine is kept at the header's float32
 * precision so writing it back is lossless.
 */
public final class NiftiHeader {

    /** sizeof_hdr of NIfTI-1; the data of a .nii file start at vox_offset ≥ 352 (header + 4 extension bytes). */
    public static final int SIZE = 348;
    static final int DATA_OFFSET = 352;
    /** Refuse headers asking for more voxels than this (4 GiB of float voxels) before allocating anything. */
    public static final long MAX_VOXELS = 1L << 30;
    /** NIFTI_XFORM_SCANNER_ANAT: the code written when the source's is unknown. */
    public static final int XFORM_SCANNER_ANAT = 1;
    private static final int UNITS_MM = 2;
    private static final int SPATIAL_UNIT_BITS = 0x07;

    /** Keys under which {@link NiftiReader} keeps header fields in {@code Volume.metadata()} for the writer. */
    public static final String META_DATATYPE = "nifti.datatype";
    public static final String META_QFORM_CODE = "nifti.qform_code";
    public static final String META_SFORM_CODE = "nifti.sform_code";
    public static final String META_XYZT_UNITS = "nifti.xyzt_units";
    public static final String META_DESCRIP = "nifti.descrip";
    public static final String META_AFFINE_SOURCE = "nifti.affine_source";

    private static final int OFF_DIM = 40;
    private static final int OFF_DATATYPE = 70;
    private static final int OFF_BITPIX = 72;
    private static final int OFF_PIXDIM = 76;
    private static final int OFF_VOX_OFFSET = 108;
    private static final int OFF_SCL_SLOPE = 112;
    private static final int OFF_SCL_INTER = 116;
    private static final int OFF_XYZT_UNITS = 123;
    private static final int OFF_DESCRIP = 148;
    private static final int DESCRIP_LENGTH = 80;
    private static final int OFF_QFORM_CODE = 252;
    private static final int OFF_SFORM_CODE = 254;
    private static final int OFF_QUATERN = 256;
    private static final int OFF_SROW = 280;
    private static final int OFF_MAGIC = 344;

    private static final Map<Integer, String> UNSUPPORTED_TYPES = Map.of(1, "binary", 32, "complex64",
            128, "rgb24", 1024, "int64", 1280, "uint64", 1536, "float128", 1792, "complex128", 2048, "complex256",
            2304, "rgba32");

    private final ByteOrder byteOrder;
    private final int[] dims;
    private final NiftiDatatype datatype;
    private final float[] pixdim;
    private final long voxOffset;
    private final float sclSlope;
    private final float sclInter;
    private final int xyztUnits;
    private final String descrip;
    private final int qformCode;
    private final int sformCode;
    private final float[] quatern;
    private final float[] srow;
    private final String affineSource;
    private final Affine affine;

    private NiftiHeader(ByteOrder byteOrder, int[] dims, NiftiDatatype datatype, float[] pixdim, long voxOffset,
                        float sclSlope, float sclInter, int xyztUnits, String descrip, int qformCode, int sformCode,
                        float[] quatern, float[] srow) {
        this.byteOrder = byteOrder;
        this.dims = dims;
        this.datatype = datatype;
        this.pixdim = pixdim;
        this.voxOffset = voxOffset;
        this.sclSlope = sclSlope;
        this.sclInter = sclInter;
        this.xyztUnits = xyztUnits;
        this.descrip = descrip;
        this.qformCode = qformCode;
        this.sformCode = sformCode;
        this.quatern = quatern;
        this.srow = srow;
        this.affineSource = sformCode > 0 ? "sform" : qformCode > 0 ? "qform" : "pixdim";
        this.affine = computeAffine();
    }

    /**
     * Parses and validates the first {@value #SIZE} bytes of a file.
     *
     * @param name how to name the file in error messages
     * @throws CovsegException naming the file when the bytes are not a supported NIfTI-1 header
     */
    public static NiftiHeader parse(byte[] bytes, String name) {
        if (bytes.length < SIZE) {
            throw fail(name, "only " + bytes.length + " bytes long, shorter than a NIfTI-1 header (348 bytes)");
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(byteOrderOf(bytes, name));
        String magic = new String(bytes, OFF_MAGIC, 4, StandardCharsets.ISO_8859_1);
        if (magic.equals("ni1\0")) {
            throw fail(name, "the header of a NIfTI .hdr/.img pair, which covseg does not read; convert it to a "
                    + "single .nii.gz file (e.g. with fslchfiletype NIFTI_GZ or nibabel)");
        }
        if (!magic.equals("n+1\0")) {
            throw fail(name, "not a NIfTI-1 file (no \"n+1\" magic; an old ANALYZE 7.5 header?); convert it to .nii.gz");
        }
        int[] dims = validDimensions(buf, name);
        int code = buf.getShort(OFF_DATATYPE);
        NiftiDatatype datatype = NiftiDatatype.ofCode(code).orElseThrow(() -> fail(name, "datatype "
                + UNSUPPORTED_TYPES.getOrDefault(code, "code " + code) + " is not supported; covseg reads "
                + Arrays.stream(NiftiDatatype.values()).map(NiftiDatatype::label).toList()));
        short bitpix = buf.getShort(OFF_BITPIX);
        if (bitpix != 8 * datatype.bytesPerVoxel()) {
            throw fail(name, "bitpix " + bitpix + " contradicts datatype " + datatype.label() + " ("
                    + 8 * datatype.bytesPerVoxel() + " bits per voxel): the header is corrupt");
        }
        float[] pixdim = floats(buf, OFF_PIXDIM, 8);
        float voxOffset = buf.getFloat(OFF_VOX_OFFSET);
        // a single-file NIfTI-1 has the 4-byte extension flag after the 348-byte header: data start at 352 or later
        if (!(voxOffset >= DATA_OFFSET) || voxOffset != Math.rint(voxOffset)) {
            throw fail(name, "vox_offset " + voxOffset + " is not a whole number ≥ " + DATA_OFFSET
                    + ": the header is corrupt");
        }
        String descrip = new String(bytes, OFF_DESCRIP, DESCRIP_LENGTH, StandardCharsets.ISO_8859_1);
        int nul = descrip.indexOf('\0');
        descrip = (nul >= 0 ? descrip.substring(0, nul) : descrip).strip();
        NiftiHeader header = new NiftiHeader(buf.order(), dims, datatype, pixdim, (long) voxOffset,
                buf.getFloat(OFF_SCL_SLOPE), buf.getFloat(OFF_SCL_INTER), bytes[OFF_XYZT_UNITS] & 0xFF, descrip,
                buf.getShort(OFF_QFORM_CODE), buf.getShort(OFF_SFORM_CODE), floats(buf, OFF_QUATERN, 6),
                floats(buf, OFF_SROW, 12));
        header.checkAffine(name);
        return header;
    }

    /**
     * The header for writing voxels of the given file-order dimensions and affine: both sform and qform hold the
     * affine (the qform as its nearest rotation), little-endian, no scaling, lengths in mm.
     */
    static NiftiHeader forWriting(int[] dims, Affine affine, NiftiDatatype datatype, int qformCode, int sformCode,
                                  int xyztUnits, String descrip) {
        NiftiQform q = NiftiQform.of(affine);
        float[] pixdim = {(float) q.qfac(), (float) q.dx(), (float) q.dy(), (float) q.dz(), 1, 1, 1, 1};
        float[] quatern = {(float) q.b(), (float) q.c(), (float) q.d(), (float) q.x(), (float) q.y(), (float) q.z()};
        float[] srow = new float[12];
        double[] rows = affine.rows();
        for (int p = 0; p < 12; p++) {
            srow[p] = (float) rows[p];
        }
        int units = (xyztUnits & ~SPATIAL_UNIT_BITS) | UNITS_MM;
        return new NiftiHeader(ByteOrder.LITTLE_ENDIAN, dims.clone(), datatype, pixdim, DATA_OFFSET, 1, 0, units,
                descrip, qformCode, sformCode, quatern, srow);
    }

    /** The {@value #SIZE} header bytes in this header's byte order. */
    byte[] encode() {
        ByteBuffer buf = ByteBuffer.allocate(SIZE).order(byteOrder);
        buf.putInt(0, SIZE);
        buf.put(38, (byte) 'r');
        buf.putShort(OFF_DIM, (short) 3);
        for (int d = 1; d < 8; d++) {
            buf.putShort(OFF_DIM + 2 * d, (short) (d <= 3 ? dims[d - 1] : 1));
        }
        buf.putShort(OFF_DATATYPE, (short) datatype.code());
        buf.putShort(OFF_BITPIX, (short) (8 * datatype.bytesPerVoxel()));
        putFloats(buf, OFF_PIXDIM, pixdim);
        buf.putFloat(OFF_VOX_OFFSET, voxOffset);
        buf.putFloat(OFF_SCL_SLOPE, sclSlope);
        buf.putFloat(OFF_SCL_INTER, sclInter);
        buf.put(OFF_XYZT_UNITS, (byte) xyztUnits);
        byte[] text = descrip.getBytes(StandardCharsets.ISO_8859_1);
        buf.put(OFF_DESCRIP, text, 0, Math.min(text.length, DESCRIP_LENGTH - 1));
        buf.putShort(OFF_QFORM_CODE, (short) qformCode);
        buf.putShort(OFF_SFORM_CODE, (short) sformCode);
        putFloats(buf, OFF_QUATERN, quatern);
        putFloats(buf, OFF_SROW, srow);
        buf.put(OFF_MAGIC, "n+1\0".getBytes(StandardCharsets.ISO_8859_1));
        return buf.array();
    }

    public ByteOrder byteOrder() {
        return byteOrder;
    }

    /** Voxel counts along the file's three axes (1 for axes the file does not have). */
    public int[] dimensions() {
        return dims.clone();
    }

    public long voxelCount() {
        return (long) dims[0] * dims[1] * dims[2];
    }

    public NiftiDatatype datatype() {
        return datatype;
    }

    /** pixdim[0..7] as stored (pixdim[0] is qfac). */
    public float[] pixdim() {
        return pixdim.clone();
    }

    /** Byte offset of the first voxel. */
    public long voxOffset() {
        return voxOffset;
    }

    /** The multiplier applied to stored values (1 when unscaled). */
    public double slope() {
        return sclSlope != 0 && Float.isFinite(sclSlope) ? sclSlope : 1;
    }

    /** The offset added to scaled values (0 when unscaled or not finite). */
    public double intercept() {
        return sclSlope != 0 && Float.isFinite(sclSlope) && Float.isFinite(sclInter) ? sclInter : 0;
    }

    public int xyztUnits() {
        return xyztUnits;
    }

    public String descrip() {
        return descrip;
    }

    public int qformCode() {
        return qformCode;
    }

    public int sformCode() {
        return sformCode;
    }

    /** "sform", "qform" or "pixdim": where {@link #affine()} comes from (see the class comment). */
    public String affineSource() {
        return affineSource;
    }

    /** File voxel index → RAS+ mm. */
    public Affine affine() {
        return affine;
    }

    /** The qform's affine, whatever qform_code says. */
    public Affine qformAffine() {
        return new NiftiQform(quatern[0], quatern[1], quatern[2], quatern[3], quatern[4], quatern[5],
                Math.abs(pixdim[1]), Math.abs(pixdim[2]), Math.abs(pixdim[3]), pixdim[0] < 0 ? -1 : 1).toAffine();
    }

    /** The sform's affine, whatever sform_code says. */
    public Affine sformAffine() {
        double[] rows = new double[12];
        for (int p = 0; p < 12; p++) {
            rows[p] = srow[p];
        }
        return Affine.ofRows(rows);
    }

    /** The fields a writer needs to reproduce this header's codes, units and description. */
    public Map<String, String> metadata() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(META_DATATYPE, datatype.label());
        m.put(META_QFORM_CODE, Integer.toString(qformCode));
        m.put(META_SFORM_CODE, Integer.toString(sformCode));
        m.put(META_XYZT_UNITS, Integer.toString(xyztUnits));
        m.put(META_DESCRIP, descrip);
        m.put(META_AFFINE_SOURCE, affineSource);
        return m;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "NIfTI-1 %dx%dx%d %s %s, affine from %s %s", dims[0], dims[1], dims[2],
                datatype.label(), byteOrder, affineSource, affine);
    }

    private Affine computeAffine() {
        double[] rows = switch (affineSource) {
            case "sform" -> sformAffine().rows();
            case "qform" -> qformAffine().rows();
            default -> Affine.diagonal(pixdim[1], pixdim[2], pixdim[3]).rows();
        };
        double mm = switch (xyztUnits & SPATIAL_UNIT_BITS) {
            case 1 -> 1000;
            case 3 -> 0.001;
            default -> 1;
        };
        for (int p = 0; p < 12; p++) {
            rows[p] = (float) (rows[p] * mm) + 0.0; // + 0.0 turns -0.0 into 0.0
        }
        return Affine.ofRows(rows);
    }

    private void checkAffine(String name) {
        for (int c = 0; c < 3; c++) {
            double norm = affine.columnNorm(c);
            if (!(norm > 0) || !Double.isFinite(norm) || !Double.isFinite(affine.get(c, 3))) {
                throw fail(name, "the " + affineSource + " affine is degenerate (voxel axis " + c
                        + " has length " + norm + " mm; affine " + affine + "): the header is corrupt");
            }
        }
    }

    private static ByteOrder byteOrderOf(byte[] bytes, String name) {
        ByteBuffer buf = ByteBuffer.wrap(bytes, 0, 4);
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            int size = buf.order(order).getInt(0);
            if (size == SIZE) {
                return order;
            }
            if (size == 540) {
                throw fail(name, "a NIfTI-2 file, which covseg does not read; convert it to NIfTI-1 .nii.gz");
            }
        }
        throw fail(name, "not a NIfTI-1 file (its first 4 bytes are not the header size 348)");
    }

    private static int[] validDimensions(ByteBuffer buf, String name) {
        int[] dim = new int[8];
        for (int d = 0; d < 8; d++) {
            dim[d] = buf.getShort(OFF_DIM + 2 * d);
        }
        int rank = dim[0];
        if (rank < 1 || rank > 7) {
            throw fail(name, "dim[0] = " + rank + " is not 1..7: the header is corrupt");
        }
        int[] dims = {1, 1, 1};
        long extra = 1;
        for (int d = 1; d <= rank; d++) {
            if (dim[d] < 1) {
                throw fail(name, "dimension dim[" + d + "] = " + dim[d] + " is not positive (dim = "
                        + Arrays.toString(dim) + "): the header is corrupt");
            }
            if (d <= 3) {
                dims[d - 1] = dim[d];
            } else {
                extra *= dim[d];
            }
        }
        if (extra > 1) {
            throw fail(name, "holds " + extra + " volumes (dim[4..7] = " + Arrays.toString(Arrays.copyOfRange(dim, 4,
                    8)) + "); covseg reads a single 3-D volume: extract one first (e.g. fslroi in out 0 1)");
        }
        long voxels = (long) dims[0] * dims[1] * dims[2];
        if (voxels > MAX_VOXELS) {
            throw fail(name, "dimensions " + dims[0] + "x" + dims[1] + "x" + dims[2] + " (" + voxels
                    + " voxels) exceed covseg's limit of " + MAX_VOXELS + " voxels");
        }
        return dims;
    }

    private static float[] floats(ByteBuffer buf, int offset, int count) {
        float[] out = new float[count];
        for (int n = 0; n < count; n++) {
            out[n] = buf.getFloat(offset + 4 * n);
        }
        return out;
    }

    private static void putFloats(ByteBuffer buf, int offset, float[] values) {
        for (int n = 0; n < values.length; n++) {
            buf.putFloat(offset + 4 * n, values[n]);
        }
    }

    static CovsegException fail(String name, String reason) {
        return new CovsegException("cannot read NIfTI file " + name + ": " + reason);
    }
}
