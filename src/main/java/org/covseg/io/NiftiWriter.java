package org.covseg.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.covseg.CovsegException;
import org.covseg.image.Affine;
import org.covseg.image.Reorientation;
import org.covseg.image.Volume;

/**
 * Writes a {@link Volume} as a single-file NIfTI-1 volume, gzip-compressed when the name ends in {@code .nii.gz}.
 *
 * <p>The volume's {@code fromSource()} reorientation is undone first, so a result computed on a volume read from a
 * file is written with that file's voxel order, dimensions and affine, and overlays it in any viewer. The affine goes
 * into both the sform and the qform (the qform as its nearest rotation). Codes: the source's sform_code (or its
 * qform_code, or 1 = scanner anatomical when neither is known) for the sform, the source's qform_code (or that sform
 * code) for the qform; the description and time units come from the source's {@code nifti.*} metadata too (set
 * {@link NiftiHeader#META_DESCRIP} to change the description). Lengths are written in mm, values unscaled,
 * little-endian, integer types rounded to the nearest integer. The file appears only once complete
 * ({@link AtomicFiles}).
 */
public final class NiftiWriter {

    private static final int CHUNK_BYTES = 1 << 20;

    private NiftiWriter() {
    }

    /**
     * @throws CovsegException naming the file when its name does not end in .nii or .nii.gz, when a voxel does not
     *                         fit the datatype (NaN, infinite or out of its range), or when writing fails
     */
    public static void write(Volume volume, Path file, NiftiDatatype datatype) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gzip = name.endsWith(".nii.gz");
        if (!gzip && !name.endsWith(".nii")) {
            throw fail(file, "the name must end in .nii or .nii.gz");
        }
        requireRepresentable(volume, datatype, file);
        FileOrder inFileOrder = FileOrder.of(volume);
        Map<String, String> meta = volume.metadata();
        int sformCode = firstPositive(code(meta, NiftiHeader.META_SFORM_CODE), code(meta, NiftiHeader.META_QFORM_CODE),
                NiftiHeader.XFORM_SCANNER_ANAT);
        int qformCode = firstPositive(code(meta, NiftiHeader.META_QFORM_CODE), sformCode);
        NiftiHeader header = NiftiHeader.forWriting(inFileOrder.dimensions(), inFileOrder.affine(),
                datatype, qformCode, sformCode, code(meta, NiftiHeader.META_XYZT_UNITS),
                meta.getOrDefault(NiftiHeader.META_DESCRIP, "covseg"));
        try {
            AtomicFiles.write(file, out -> {
                OutputStream o = gzip ? new GZIPOutputStream(out, CHUNK_BYTES) : out;
                o.write(header.encode());
                o.write(new byte[NiftiHeader.DATA_OFFSET - NiftiHeader.SIZE]);
                writeVoxels(inFileOrder, datatype, o);
                if (o instanceof GZIPOutputStream z) {
                    z.finish();
                }
            });
        } catch (IOException e) {
            throw fail(file, e.toString());
        }
    }

    /**
     * A volume's slices in the source file's voxel order, read one at a time: reoriented slice by slice when the
     * reorientation keeps the slice axis (the usual case, flips in the plane or of the slice order), so that no whole
     * copy of the volume is made; else reoriented whole.
     */
    private record FileOrder(int[] dimensions, Affine affine, SliceReader slices) {

        static FileOrder of(Volume volume) {
            Reorientation back = volume.fromSource().inverse();
            if (back.isIdentity()) {
                return new FileOrder(new int[] {volume.width(), volume.height(), volume.depth()}, volume.affine(),
                        volume::readSlice);
            }
            if (back.keepsSliceAxis()) {
                return new FileOrder(back.dimensionsOf(volume), back.affineOf(volume),
                        (k, out) -> back.slice(volume, k).readSlice(0, out));
            }
            Volume whole = back.apply(volume);
            return new FileOrder(new int[] {whole.width(), whole.height(), whole.depth()}, whole.affine(),
                    whole::readSlice);
        }

        int plane() {
            return dimensions[0] * dimensions[1];
        }
    }

    @FunctionalInterface
    private interface SliceReader {
        void read(int k, float[] out);
    }

    /** Writes slice by slice, so that a label map is never copied to floats whole. */
    private static void writeVoxels(FileOrder volume, NiftiDatatype datatype, OutputStream out) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        int perChunk = CHUNK_BYTES / datatype.bytesPerVoxel();
        float[] slice = new float[volume.plane()];
        for (int k = 0; k < volume.dimensions()[2]; k++) {
            volume.slices().read(k, slice);
            for (int done = 0; done < slice.length; done += perChunk) {
                int count = Math.min(perChunk, slice.length - done);
                buf.clear();
                datatype.encode(slice, done, count, buf);
                out.write(buf.array(), 0, buf.position());
            }
        }
    }

    /**
     * Whether every voxel fits the datatype, which does not depend on their order: checked in the canonical one. A
     * label map's bytes (0..255) and a volume's 16-bit whole numbers fit a type that holds their whole range without
     * being read.
     */
    private static void requireRepresentable(Volume volume, NiftiDatatype datatype, Path file) {
        if (volume.isLabelMap() && holds(datatype, 0, 255)
                || volume.isShorts() && holds(datatype, Short.MIN_VALUE, Short.MAX_VALUE)) {
            return;
        }
        // Integer types take what rounds into their range, e.g. uint8 takes -0.5 <= v < 255.5.
        double lo = datatype.isFloatingPoint() ? Double.NEGATIVE_INFINITY : datatype.min() - 0.5;
        double hi = datatype.isFloatingPoint() ? Double.POSITIVE_INFINITY : datatype.max() + 0.5;
        long notFinite = 0;
        long outside = 0;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        float[] slice = new float[volume.width() * volume.height()];
        for (int k = 0; k < volume.depth(); k++) {
            volume.readSlice(k, slice);
            for (float v : slice) {
                if (!Float.isFinite(v)) {
                    notFinite++;
                } else {
                    if (v < lo || v >= hi) {
                        outside++;
                    }
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (notFinite > 0) {
            throw fail(file, notFinite + " voxels are NaN or infinite");
        }
        if (outside > 0) {
            throw fail(file, outside + " voxels lie outside the range of " + datatype.label() + " ("
                    + (long) datatype.min() + ".." + (long) datatype.max() + "; values span " + min + ".." + max
                    + "): choose a wider datatype");
        }
    }

    private static boolean holds(NiftiDatatype datatype, double lowest, double highest) {
        return datatype.min() <= lowest && datatype.max() >= highest;
    }

    private static int code(Map<String, String> meta, String key) {
        return Integer.parseInt(meta.getOrDefault(key, "0"));
    }

    private static int firstPositive(int... codes) {
        for (int c : codes) {
            if (c > 0) {
                return c;
            }
        }
        return 0;
    }

    private static CovsegException fail(Path file, String reason) {
        return new CovsegException("cannot write NIfTI file " + file + ": " + reason);
    }
}
