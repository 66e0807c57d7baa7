package org.covseg.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.covseg.CovsegException;
import org.covseg.image.Affine;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Reorientation;
import org.covseg.image.Volume;

/**
 * Reads single-file NIfTI-1 volumes ({@code .nii}, or gzip-compressed {@code .nii.gz}, recognised by content) into
 * a canonical {@link Volume}: voxels are scaled by scl_slope/scl_inter, placed with the header's affine (see
 * {@link NiftiHeader} for which one) and reoriented with {@link Reorientation#toCanonical}, which the volume records
 * in {@code fromSource()}. The header's codes, units and description stay in {@code Volume.metadata()} under
 * {@code nifti.*} keys so {@link NiftiWriter} can reproduce them.
 *
 * <p>A NIfTI header does not say whether its numbers are Hounsfield units, labels or grey levels, so the caller
 * names the {@link IntensityUnit}; {@link #readHeader} shows the datatype first if the caller wants to decide.
 */
public final class NiftiReader {

    private static final int CHUNK_BYTES = 1 << 20;
    private static final int GZIP_MAGIC = 0x8b1f;

    private NiftiReader() {
    }

    /** The validated header alone, for inspecting a file ({@code covseg info}). */
    public static NiftiHeader readHeader(Path file) {
        try (Source source = open(file)) {
            return source.header();
        } catch (IOException e) {
            throw ioFailure(file, e);
        }
    }

    /**
     * The volume in canonical orientation.
     *
     * @param unit what the stored values are (HU for a CT, LABEL for a mask, ...)
     * @throws CovsegException naming the file for anything unreadable: missing, not NIfTI-1, truncated, datatype or
     *                         dimensions unsupported, NaN or infinite voxels
     */
    public static Volume read(Path file, IntensityUnit unit) {
        try (Source source = open(file)) {
            NiftiHeader header = source.header();
            source.in.skipNBytes(header.voxOffset() - NiftiHeader.SIZE);
            if (!source.gzip) {
                long need = header.voxOffset() + header.voxelCount() * header.datatype().bytesPerVoxel();
                long size = Files.size(file);
                if (size < need) {
                    throw tooShort(file, header, size - header.voxOffset());
                }
            }
            requireMemory(header, file);
            return Reorientation.toCanonical(header.affine()).apply(inFileOrder(source, header, file, unit));
        } catch (IOException e) {
            throw ioFailure(file, e);
        }
    }

    /**
     * The voxels as stored, with the header's geometry; a CT's HU are whole numbers when read from integer voxels,
     * and 16 bits then hold them in half the memory. The float array read goes with this call.
     */
    private static Volume inFileOrder(Source source, NiftiHeader header, Path file, IntensityUnit unit)
            throws IOException {
        float[] voxels = readVoxels(source.in, header, file);
        if (source.gzip) {
            // GZIPInputStream checks the CRC and length of the data only when it reaches the trailer
            source.in.transferTo(OutputStream.nullOutputStream());
        }
        requireFinite(voxels, file);
        int[] d = header.dimensions();
        Affine affine = header.affine();
        Volume.Builder inFileOrder = Volume.builder(d[0], d[1], d[2]).voxels(voxels).unit(unit).affine(affine)
                .spacing(affine.columnNorm(0), affine.columnNorm(1), affine.columnNorm(2));
        header.metadata().forEach(inFileOrder::meta);
        Volume read = inFileOrder.build();
        return unit == IntensityUnit.HU ? read.asShortsIfWhole() : read;
    }

    private static float[] readVoxels(InputStream in, NiftiHeader header, Path file) throws IOException {
        NiftiDatatype type = header.datatype();
        int voxels = Math.toIntExact(header.voxelCount());
        float[] out = new float[voxels];
        byte[] chunk = new byte[CHUNK_BYTES];
        ByteBuffer buf = ByteBuffer.wrap(chunk).order(header.byteOrder());
        int perChunk = CHUNK_BYTES / type.bytesPerVoxel();
        for (int done = 0; done < voxels; ) {
            int count = Math.min(perChunk, voxels - done);
            int got = in.readNBytes(chunk, 0, count * type.bytesPerVoxel());
            if (got < count * type.bytesPerVoxel()) {
                throw tooShort(file, header, (long) done * type.bytesPerVoxel() + got);
            }
            buf.position(0);
            type.decode(buf, count, header.slope(), header.intercept(), out, done);
            done += count;
        }
        return out;
    }

    /** Refuses, before allocating, a volume that cannot fit. */
    private static void requireMemory(NiftiHeader header, Path file) {
        VolumeMemory.shortfall(header.voxelCount()).ifPresent(reason -> {
            throw NiftiHeader.fail(file.toString(), reason);
        });
    }

    private static void requireFinite(float[] voxels, Path file) {
        long bad = 0;
        for (float v : voxels) {
            if (!Float.isFinite(v)) {
                bad++;
            }
        }
        if (bad > 0) {
            throw NiftiHeader.fail(file.toString(), bad + " of " + voxels.length
                    + " voxels are NaN or infinite; covseg needs finite values (replace them first, e.g. fslmaths in"
                    + " -nan out)");
        }
    }

    private static Source open(Path file) throws IOException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".hdr") || name.endsWith(".img") || name.endsWith(".hdr.gz") || name.endsWith(".img.gz")) {
            throw NiftiHeader.fail(file.toString(), "NIfTI/ANALYZE .hdr/.img pairs are not supported; convert the pair"
                    + " to a single .nii.gz file (e.g. with fslchfiletype NIFTI_GZ or nibabel)");
        }
        if (!Files.exists(file)) {
            throw NiftiHeader.fail(file.toString(), "no such file");
        }
        if (Files.isDirectory(file)) {
            throw NiftiHeader.fail(file.toString(), "it is a directory, not a .nii or .nii.gz file");
        }
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), CHUNK_BYTES);
        raw.mark(2);
        int magic = raw.read() | raw.read() << 8;
        raw.reset();
        boolean gzip = magic == GZIP_MAGIC;
        return new Source(file, gzip ? new GZIPInputStream(raw, CHUNK_BYTES) : raw, gzip);
    }

    private static CovsegException tooShort(Path file, NiftiHeader header, long found) {
        int[] d = header.dimensions();
        long need = header.voxelCount() * header.datatype().bytesPerVoxel();
        return NiftiHeader.fail(file.toString(), "the header's dimensions " + d[0] + "x" + d[1] + "x" + d[2] + " of "
                + header.datatype().label() + " need " + need + " bytes of voxel data but the file holds only "
                + Math.max(0, found) + ": it is truncated or its header is wrong");
    }

    private static CovsegException ioFailure(Path file, IOException e) {
        if (e instanceof EOFException) {
            return NiftiHeader.fail(file.toString(), "the file ends early (truncated download or copy?)"
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        }
        if (e instanceof ZipException) {
            return NiftiHeader.fail(file.toString(), "corrupt gzip data (" + e.getMessage() + ")");
        }
        return NiftiHeader.fail(file.toString(), e.toString());
    }

    /** An open file positioned after its header. */
    private record Source(Path file, InputStream in, boolean gzip) implements AutoCloseable {

        NiftiHeader header() throws IOException {
            byte[] bytes = in.readNBytes(NiftiHeader.SIZE);
            return NiftiHeader.parse(bytes, file.toString());
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
