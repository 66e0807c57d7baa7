package org.covseg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.covseg.CovsegException;
import org.covseg.image.Affine;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Reorientation;
import org.covseg.image.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NiftiWriterTest {

    /** File axes permuted and flipped: i along +z (Superior), j along −x (Left), k along +y (Anterior). */
    private static final Affine PERMUTED = Affine.ofRows(0, -0.75, 0, 100, 0, 0, 1.5, -50, 2.5, 0, 0, 7);

    @TempDir
    Path dir;

    /** A 3x4x5 volume in file order whose values encode their file index: 100·i + 10·j + k. */
    private static Volume indexedInFileOrder() {
        Volume v = Volume.builder(3, 4, 5).affine(PERMUTED).spacing(2.5, 0.75, 1.5).build();
        for (int k = 0; k < 5; k++) {
            for (int j = 0; j < 4; j++) {
                for (int i = 0; i < 3; i++) {
                    v.set(i, j, k, 100 * i + 10 * j + k);
                }
            }
        }
        return v;
    }

    @Test
    void permutedAffineRoundTripsExactly() throws IOException {
        Path first = dir.resolve("first.nii");
        NiftiWriter.write(indexedInFileOrder(), first, NiftiDatatype.INT16);
        NiftiHeader header = NiftiReader.readHeader(first);
        assertThat(header.dimensions()).containsExactly(3, 4, 5);
        assertThat(header.affine()).isEqualTo(PERMUTED);
        assertThat(header.qformAffine().rows()).containsExactly(PERMUTED.rows(), within(1e-6));
        assertThat(header.sformCode()).isEqualTo(NiftiHeader.XFORM_SCANNER_ANAT);
        assertThat(header.qformCode()).isEqualTo(NiftiHeader.XFORM_SCANNER_ANAT);

        Volume canonical = NiftiReader.read(first, IntensityUnit.HU);
        assertThat(new int[] {canonical.width(), canonical.height(), canonical.depth()}).containsExactly(4, 5, 3);
        assertThat(canonical.spacing()).containsExactly(0.75, 1.5, 2.5);
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 5; j++) {
                for (int i = 0; i < 4; i++) {
                    int value = (int) canonical.get(i, j, k);
                    assertThat(canonical.affine().apply(i, j, k))
                            .containsExactly(PERMUTED.apply(value / 100, value / 10 % 10, value % 10), within(1e-9));
                }
            }
        }

        Path second = dir.resolve("second.nii");
        NiftiWriter.write(canonical, second, NiftiDatatype.INT16);
        assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));
        Volume again = NiftiReader.read(second, IntensityUnit.HU);
        assertThat(again.toArray()).containsExactly(canonical.toArray());
        assertThat(again.affine()).isEqualTo(canonical.affine());
        assertThat(again.fromSource()).isEqualTo(canonical.fromSource());
    }

    @Test
    void handMadeFileRoundTripsWithItsCodesAndDescription() throws IOException {
        HandMadeNifti n = new HandMadeNifti();
        n.order = ByteOrder.BIG_ENDIAN;
        n.srow = new float[] {0.5f, 0, 0, -10, 0, 0.5f, 0, 20, 0, 0, -2, 30};
        n.qformCode = 2;
        n.sformCode = 4;
        n.descrip = "from the scanner";
        Path input = n.writeTo(dir.resolve("in.nii"));
        Volume read = NiftiReader.read(input, IntensityUnit.HU);
        assertThat(read.fromSource().isIdentity()).isFalse();

        Path output = dir.resolve("out.nii.gz");
        NiftiWriter.write(read, output, NiftiDatatype.INT16);
        NiftiHeader in = NiftiReader.readHeader(input);
        NiftiHeader out = NiftiReader.readHeader(output);
        assertThat(out.dimensions()).containsExactly(in.dimensions());
        assertThat(out.affine()).isEqualTo(in.affine());
        assertThat(out.qformCode()).isEqualTo(2);
        assertThat(out.sformCode()).isEqualTo(4);
        assertThat(out.descrip()).isEqualTo("from the scanner");
        assertThat(out.xyztUnits()).isEqualTo(10);

        Volume back = NiftiReader.read(output, IntensityUnit.HU);
        assertThat(back.toArray()).containsExactly(read.toArray());
        assertThat(back.affine()).isEqualTo(read.affine());
    }

    @Test
    void integerTypesRoundAndFloatKeepsFractions() throws IOException {
        Volume v = Volume.builder(4, 1, 1).voxels(new float[] {1.4f, -1.6f, 254.6f, 0.25f}).build();
        NiftiWriter.write(v, dir.resolve("i.nii"), NiftiDatatype.INT16);
        assertThat(NiftiReader.read(dir.resolve("i.nii"), IntensityUnit.HU).toArray()).containsExactly(1, -2, 255, 0);

        NiftiWriter.write(v, dir.resolve("f.nii.gz"), NiftiDatatype.FLOAT32);
        assertThat(NiftiReader.read(dir.resolve("f.nii.gz"), IntensityUnit.HU).toArray())
                .containsExactly(1.4f, -1.6f, 254.6f, 0.25f);
        assertThat(NiftiReader.readHeader(dir.resolve("f.nii.gz")).datatype()).isEqualTo(NiftiDatatype.FLOAT32);
    }

    @Test
    void maskAsUint8() throws IOException {
        Volume mask = Volume.builder(2, 2, 1).voxels(new float[] {0, 1, 1, 0}).unit(IntensityUnit.LABEL).build();
        Path file = dir.resolve("mask.nii.gz");
        NiftiWriter.write(mask, file, NiftiDatatype.UINT8);
        assertThat(NiftiReader.readHeader(file).datatype()).isEqualTo(NiftiDatatype.UINT8);
        assertThat(NiftiReader.read(file, IntensityUnit.LABEL).toArray()).containsExactly(0, 1, 1, 0);
    }

    @Test
    void aLabelMapIsWrittenByteForByteAsItsFloats() throws IOException {
        Affine permuted = Affine.ofRows(0, -2, 0, 5, 0, 0, 3, -7, 1, 0, 0, 11);
        Volume inFileOrder = Volume.builder(3, 2, 4).affine(permuted).unit(IntensityUnit.LABEL).build();
        for (int p = 0; p < 24; p++) {
            inFileOrder.set(p % 3, p / 3 % 2, p / 6, p % 5 == 0 ? 2 : p % 3 == 0 ? 1 : 0);
        }
        Volume canonical = Reorientation.toCanonical(permuted).apply(inFileOrder);
        Path floats = dir.resolve("floats.nii.gz");
        Path labels = dir.resolve("labels.nii.gz");
        NiftiWriter.write(canonical, floats, NiftiDatatype.UINT8);
        NiftiWriter.write(canonical.asLabels(), labels, NiftiDatatype.UINT8);

        assertThat(Files.readAllBytes(labels)).isEqualTo(Files.readAllBytes(floats));
        assertThat(NiftiReader.read(labels, IntensityUnit.LABEL).toArray()).containsExactly(canonical.toArray());
    }

    @Test
    void valuesOutsideTheDatatypeLeaveNoFile() throws IOException {
        Volume v = Volume.builder(3, 1, 1).voxels(new float[] {-1, 100, 256}).build();
        Path file = dir.resolve("bad.nii.gz");
        assertThatThrownBy(() -> NiftiWriter.write(v, file, NiftiDatatype.UINT8))
                .isInstanceOf(CovsegException.class)
                .hasMessage("cannot write NIfTI file " + file + ": 2 voxels lie outside the range of uint8 (0..255;"
                        + " values span -1.0..256.0): choose a wider datatype");
        assertThat(dir).isEmptyDirectory();

        Volume nan = Volume.builder(2, 1, 1).voxels(new float[] {Float.NaN, 0}).build();
        assertThatThrownBy(() -> NiftiWriter.write(nan, file, NiftiDatatype.FLOAT32))
                .isInstanceOf(CovsegException.class).hasMessageContaining("1 voxels are NaN or infinite");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void labelsAndShortsAreCheckedForATypeNarrowerThanTheirs() {
        Volume labels = Volume.builder(2, 1, 1).voxels(new float[] {0, 200}).build().asLabels();
        assertThatThrownBy(() -> NiftiWriter.write(labels, dir.resolve("int8.nii.gz"), NiftiDatatype.INT8))
                .isInstanceOf(CovsegException.class).hasMessageContaining("1 voxels lie outside the range of int8");
        Volume shorts = Volume.builder(2, 1, 1).voxels(new float[] {-5, 3}).build().asShortsIfWhole();
        assertThat(shorts.isShorts()).isTrue();
        assertThatThrownBy(() -> NiftiWriter.write(shorts, dir.resolve("uint8.nii.gz"), NiftiDatatype.UINT8))
                .isInstanceOf(CovsegException.class).hasMessageContaining("1 voxels lie outside the range of uint8");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void failedWriteLeavesNoFile() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        Path file = notADirectory.resolve("out.nii.gz");
        assertThatThrownBy(() -> NiftiWriter.write(indexedInFileOrder(), file, NiftiDatatype.INT16))
                .isInstanceOf(CovsegException.class).hasMessageStartingWith("cannot write NIfTI file " + file + ": ");
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactly(notADirectory);
        }
    }

    @Test
    void refusesOtherExtensions() {
        Path file = dir.resolve("mask.png");
        assertThatThrownBy(() -> NiftiWriter.write(indexedInFileOrder(), file, NiftiDatatype.UINT8))
                .isInstanceOf(CovsegException.class).hasMessageContaining("must end in .nii or .nii.gz");
    }

    @Test
    void aVolumeReorientedSliceBySliceOrKeptInAFileIsWrittenAsWhenReorientedWhole() throws IOException {
        for (int[] axes : new int[][] {{0, 1, 2}, {1, 0, 2}}) {
            for (int flips = 1; flips < 8; flips++) {
                Reorientation fromSource = new Reorientation(axes,
                        new boolean[] {(flips & 1) != 0, (flips & 4) != 0, (flips & 2) != 0});
                Volume canonical = Volume.builder(3, 4, 5).spacing(0.75, 1.5, 2.5).fromSource(fromSource).build();
                for (int k = 0; k < 5; k++) {
                    for (int j = 0; j < 4; j++) {
                        for (int i = 0; i < 3; i++) {
                            canonical.set(i, j, k, 100 * i + 10 * j + k);
                        }
                    }
                }
                Volume reorientedWhole = fromSource.inverse().apply(canonical);
                assertThat(reorientedWhole.fromSource().isIdentity()).isTrue();
                Path expected = dir.resolve("whole.nii");
                NiftiWriter.write(reorientedWhole, expected, NiftiDatatype.FLOAT32);
                for (Volume written : new Volume[] {canonical, canonical.withSpilledSlices(canonical::sliceArray,
                        canonical.unit()), canonical.asLabels()}) {
                    Path file = dir.resolve("sliced.nii");
                    NiftiWriter.write(written, file, NiftiDatatype.FLOAT32);
                    if (written.isLabelMap()) {
                        NiftiWriter.write(fromSource.inverse().apply(written), expected, NiftiDatatype.FLOAT32);
                    }
                    assertThat(Files.readAllBytes(file)).as("%s", fromSource)
                            .isEqualTo(Files.readAllBytes(expected));
                }
            }
        }
    }

    @Test
    void aCtOfWholeNumbersIsReadBackIn16BitsAndAnyOtherAsFloats() {
        Volume ct = indexedInFileOrder();
        Path whole = dir.resolve("whole.nii.gz");
        NiftiWriter.write(ct, whole, NiftiDatatype.INT16);
        Volume read = NiftiReader.read(whole, IntensityUnit.HU);
        assertThat(read.isShorts()).isTrue();
        assertThat(NiftiReader.read(whole, IntensityUnit.LABEL).isShorts()).isFalse();
        Path fractions = dir.resolve("fractions.nii.gz");
        ct.set(0, 0, 0, 0.5f);
        NiftiWriter.write(ct, fractions, NiftiDatatype.FLOAT32);
        Volume readFractions = NiftiReader.read(fractions, IntensityUnit.HU);
        assertThat(readFractions.isShorts()).isFalse();
        float[] a = read.toArray();
        float[] b = readFractions.toArray();
        int differ = 0;
        for (int p = 0; p < a.length; p++) {
            differ += a[p] != b[p] ? 1 : 0;
        }
        assertThat(differ).isEqualTo(1);
    }
}
