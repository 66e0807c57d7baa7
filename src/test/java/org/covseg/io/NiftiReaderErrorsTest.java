package org.covseg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.assertj.core.api.AbstractThrowableAssert;
import org.covseg.CovsegException;
import org.covseg.image.IntensityUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input ends in one CovsegException line that names the file and the problem. */
class NiftiReaderErrorsTest {

    @TempDir
    Path dir;

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(Path file) {
        return assertThatThrownBy(() -> NiftiReader.read(file, IntensityUnit.HU))
                .isInstanceOf(CovsegException.class)
                .hasMessageStartingWith("cannot read NIfTI file " + file + ": ")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void missingFile() {
        assertRefused(dir.resolve("absent.nii.gz")).hasMessageEndingWith("no such file");
    }

    @Test
    void directory() {
        assertRefused(dir).hasMessageContaining("is a directory");
    }

    @Test
    void hdrImgPairsAreNamedAsUnsupported() throws IOException {
        Path hdr = Files.write(dir.resolve("scan.hdr"), new byte[348]);
        assertRefused(hdr).hasMessageContaining(".hdr/.img pairs are not supported");

        HandMadeNifti pairHeader = new HandMadeNifti();
        pairHeader.magic = "ni1\0";
        assertRefused(pairHeader.writeTo(dir.resolve("renamed.nii"))).hasMessageContaining(".hdr/.img pair");
    }

    @Test
    void notNifti() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.nii"), "just some text, long enough ".repeat(20));
        assertRefused(text).hasMessageContaining("not a NIfTI-1 file");

        HandMadeNifti analyze = new HandMadeNifti();
        analyze.magic = "\0\0\0\0";
        assertRefused(analyze.writeTo(dir.resolve("analyze.nii"))).hasMessageContaining("no \"n+1\" magic");

        HandMadeNifti nifti2 = new HandMadeNifti();
        nifti2.sizeofHdr = 540;
        assertRefused(nifti2.writeTo(dir.resolve("two.nii"))).hasMessageContaining("NIfTI-2");

        Path empty = Files.write(dir.resolve("empty.nii"), new byte[0]);
        assertRefused(empty).hasMessageContaining("only 0 bytes long");
    }

    @Test
    void truncatedGzip() throws IOException {
        Path whole = new HandMadeNifti().writeTo(dir.resolve("whole.nii.gz"));
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.nii.gz"), Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(cut).hasMessageContaining("ends early");
    }

    /** A bit flipped anywhere after the gzip header is caught by the CRC, however plausible the voxels it gives. */
    @Test
    void flippedBitsInGzipDataAreRefused() throws IOException {
        HandMadeNifti n = new HandMadeNifti();
        n.dim = new short[] {3, 32, 32, 8, 1, 1, 1, 1};
        java.util.Random random = new java.util.Random(3);
        n.values = random.doubles(32 * 32 * 8, -1000, 1000).map(Math::rint).toArray();
        Path whole = n.writeTo(dir.resolve("whole.nii.gz"));
        assertThat(NiftiReader.read(whole, IntensityUnit.HU).voxelCount()).isEqualTo(32 * 32 * 8);
        byte[] bytes = Files.readAllBytes(whole);
        for (int position : new int[] {20, bytes.length / 4, bytes.length / 2, 3 * bytes.length / 4,
            bytes.length - 6}) {
            byte[] flipped = bytes.clone();
            flipped[position] ^= 0x10;
            Path bad = Files.write(dir.resolve("flipped-" + position + ".nii.gz"), flipped);
            assertRefused(bad).as("bit flipped at byte %d of %d", position, bytes.length)
                    .hasMessageNotContaining("null");
        }
    }

    @Test
    void aVoxOffsetBeyondTheEndOfAGzipFileSaysSoWithoutNull() throws IOException {
        byte[] nii = Files.readAllBytes(new HandMadeNifti().writeTo(dir.resolve("plain.nii")));
        java.nio.ByteBuffer.wrap(nii).order(java.nio.ByteOrder.LITTLE_ENDIAN).putFloat(108, 100_000);
        Path beyond = dir.resolve("beyond.nii.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(beyond))) {
            out.write(nii);
        }
        assertRefused(beyond).hasMessageEndingWith("the file ends early (truncated download or copy?)");
    }

    @Test
    void dataShorterThanTheDimensionsNeed() throws IOException {
        HandMadeNifti n = new HandMadeNifti();
        n.values = HandMadeNifti.sequence(20);
        assertRefused(n.writeTo(dir.resolve("short.nii")))
                .hasMessageContaining("2x3x4 of int16 need 48 bytes of voxel data but the file holds only 40");
        assertRefused(n.writeTo(dir.resolve("short.nii.gz")))
                .hasMessageContaining("need 48 bytes of voxel data but the file holds only 40");
    }

    @Test
    void absurdDimensionsAreRefusedBeforeReadingData() throws IOException {
        HandMadeNifti negative = new HandMadeNifti();
        negative.dim = new short[] {3, 2, -3, 4, 1, 1, 1, 1};
        assertRefused(negative.writeTo(dir.resolve("negative.nii"))).hasMessageContaining("dim[2] = -3 is not positive");

        HandMadeNifti zero = new HandMadeNifti();
        zero.dim = new short[] {3, 2, 3, 0, 1, 1, 1, 1};
        assertRefused(zero.writeTo(dir.resolve("zero.nii"))).hasMessageContaining("dim[3] = 0 is not positive");

        HandMadeNifti rank = new HandMadeNifti();
        rank.dim = new short[] {9, 2, 3, 4, 1, 1, 1, 1};
        assertRefused(rank.writeTo(dir.resolve("rank.nii"))).hasMessageContaining("dim[0] = 9 is not 1..7");

        HandMadeNifti huge = new HandMadeNifti();
        huge.dim = new short[] {3, 32767, 32767, 2, 1, 1, 1, 1};
        assertRefused(huge.writeTo(dir.resolve("huge.nii.gz")))
                .hasMessageContaining("32767x32767x2 (2147352578 voxels) exceed covseg's limit of 1073741824");
    }

    @Test
    void seriesOfVolumesAreRefused() throws IOException {
        HandMadeNifti n = new HandMadeNifti();
        n.dim = new short[] {4, 2, 3, 4, 5, 1, 1, 1};
        assertRefused(n.writeTo(dir.resolve("fmri.nii"))).hasMessageContaining("holds 5 volumes");
    }

    @Test
    void unsupportedDatatype() throws IOException {
        HandMadeNifti n = new HandMadeNifti();
        n.datatype = 128;
        n.rawData = new byte[72];
        assertRefused(n.writeTo(dir.resolve("rgb.nii"))).hasMessageContaining("datatype rgb24 is not supported");
        n.datatype = 999;
        assertRefused(n.writeTo(dir.resolve("odd.nii"))).hasMessageContaining("datatype code 999 is not supported");
    }

    @Test
    void nonFiniteVoxelsAreCounted() throws IOException {
        HandMadeNifti n = new HandMadeNifti();
        n.datatype = 16;
        n.values[3] = Double.NaN;
        n.values[7] = Double.POSITIVE_INFINITY;
        n.values[8] = Double.NEGATIVE_INFINITY;
        assertRefused(n.writeTo(dir.resolve("nan.nii.gz"))).hasMessageContaining("3 of 24 voxels are NaN or infinite");
    }

    @Test
    void degenerateAffine() throws IOException {
        HandMadeNifti n = new HandMadeNifti();
        n.srow = new float[] {-1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0};
        assertRefused(n.writeTo(dir.resolve("flat.nii"))).hasMessageContaining("voxel axis 1 has length 0.0 mm");
    }

    @Test
    void aVoxOffsetInsideTheExtensionFlagIsRefused() throws IOException {
        HandMadeNifti n = new HandMadeNifti();
        n.voxOffset = 350;
        assertRefused(n.writeTo(dir.resolve("offset350.nii")))
                .hasMessageEndingWith("vox_offset 350.0 is not a whole number ≥ 352: the header is corrupt");
    }

    @Test
    void aBitpixThatContradictsTheDatatypeIsRefused() throws IOException {
        byte[] nii = Files.readAllBytes(new HandMadeNifti().writeTo(dir.resolve("plain.nii")));
        java.nio.ByteBuffer.wrap(nii).order(java.nio.ByteOrder.LITTLE_ENDIAN).putShort(72, (short) 8);
        Path file = Files.write(dir.resolve("bitpix.nii"), nii);
        assertRefused(file).hasMessageEndingWith(
                "bitpix 8 contradicts datatype int16 (16 bits per voxel): the header is corrupt");
    }

    @Test
    void corruptVoxOffset() throws IOException {
        HandMadeNifti n = new HandMadeNifti();
        n.voxOffset = 100;
        n.rawData = new byte[400];
        assertRefused(n.writeTo(dir.resolve("offset.nii"))).hasMessageContaining("vox_offset 100.0");
    }

    @Test
    void headerOnlyReadSharesTheChecks() throws IOException {
        HandMadeNifti n = new HandMadeNifti();
        n.magic = "abc\0";
        Path file = n.writeTo(dir.resolve("bad.nii"));
        assertThatThrownBy(() -> NiftiReader.readHeader(file)).isInstanceOf(CovsegException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("no \"n+1\" magic");
    }
}
