package org.covseg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.covseg.image.Affine;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NiftiReaderTest {

    @TempDir
    Path dir;

    /** Every datatype in both byte orders, with values at the edges of its range (unsigned ones above the signed). */
    static Stream<Arguments> datatypes() {
        List<Arguments> cases = new ArrayList<>();
        Object[][] types = {
            {2, 255}, {256, -128}, {4, -32768}, {512, 65535}, {8, -2_000_000_000}, {768, 4_000_000_000L},
            {16, -1.5e-3}, {64, 0.1},
        };
        for (Object[] t : types) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                cases.add(Arguments.of(((Number) t[0]).shortValue(), ((Number) t[1]).doubleValue(), order));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "datatype {0}, {2}")
    @MethodSource("datatypes")
    void readsEveryDatatypeInBothByteOrders(short datatype, double edge, ByteOrder order) throws IOException {
        HandMadeNifti n = new HandMadeNifti();
        n.datatype = datatype;
        n.order = order;
        n.values[0] = edge;
        Volume v = NiftiReader.read(n.writeTo(dir.resolve("t.nii")), IntensityUnit.HU);

        float[] expected = new float[24];
        for (int p = 0; p < 24; p++) {
            expected[p] = (float) n.values[p];
        }
        assertThat(v.toArray()).containsExactly(expected);
        assertThat(v.width()).isEqualTo(2);
        assertThat(v.height()).isEqualTo(3);
        assertThat(v.depth()).isEqualTo(4);
        assertThat(v.metadata()).containsEntry(NiftiHeader.META_DATATYPE,
                NiftiDatatype.ofCode(datatype).orElseThrow().label());
    }

    @Test
    void appliesSlopeAndInterceptAndIgnoresZeroSlope() throws IOException {
        HandMadeNifti n = new HandMadeNifti();
        n.sclSlope = 2.5f;
        n.sclInter = -1024;
        Volume scaled = NiftiReader.read(n.writeTo(dir.resolve("scaled.nii.gz")), IntensityUnit.HU);
        assertThat(scaled.get(1, 2, 3)).isEqualTo(23 * 2.5f - 1024);
        assertThat(scaled.get(0, 0, 0)).isEqualTo(-1024);

        n.sclSlope = 0;
        Volume unscaled = NiftiReader.read(n.writeTo(dir.resolve("unscaled.nii")), IntensityUnit.HU);
        assertThat(unscaled.get(1, 2, 3)).isEqualTo(23);
    }

    @Test
    void bigEndianFloatWithScaling() throws IOException {
        HandMadeNifti n = new HandMadeNifti();
        n.order = ByteOrder.BIG_ENDIAN;
        n.datatype = 16;
        n.sclSlope = 0.5f;
        n.sclInter = 3;
        Volume v = NiftiReader.read(n.writeTo(dir.resolve("be.nii.gz")), IntensityUnit.HU);
        assertThat(v.get(1, 1, 1)).isEqualTo((1 + 2 + 6) * 0.5f + 3);
    }

    @Test
    void keepsHeaderFieldsInMetadata() throws IOException {
        HandMadeNifti n = new HandMadeNifti();
        n.qformCode = 2;
        n.sformCode = 4;
        Volume v = NiftiReader.read(n.writeTo(dir.resolve("meta.nii")), IntensityUnit.LABEL);
        assertThat(v.unit()).isEqualTo(IntensityUnit.LABEL);
        assertThat(v.metadata()).containsEntry(NiftiHeader.META_QFORM_CODE, "2")
                .containsEntry(NiftiHeader.META_SFORM_CODE, "4")
                .containsEntry(NiftiHeader.META_XYZT_UNITS, "10")
                .containsEntry(NiftiHeader.META_DESCRIP, "hand made")
                .containsEntry(NiftiHeader.META_AFFINE_SOURCE, "sform");
    }

    @Test
    void sformWinsOverQform() throws IOException {
        HandMadeNifti n = new HandMadeNifti();
        n.qformCode = 1;
        n.quatern = new float[] {0, 0, 1, 5, 6, 7};
        Volume v = NiftiReader.read(n.writeTo(dir.resolve("both.nii")), IntensityUnit.HU);
        assertThat(v.affine()).isEqualTo(Affine.ofRows(-1, 0, 0, 10, 0, -2, 0, 20, 0, 0, 3, 30));
        assertThat(v.spacing()).containsExactly(1, 2, 3);
        assertThat(v.fromSource().isIdentity()).isTrue();
    }

    @Test
    void qformWithNegativeQfacAsInMosMed() throws IOException {
        // quaternion (b, c, d) = (0, 1, 0): 180° about y, i.e. diag(-1, 1, -1); qfac -1 negates the k column.
        HandMadeNifti n = new HandMadeNifti();
        n.sformCode = 0;
        n.qformCode = 1;
        n.pixdim = new float[] {-1, 0.75f, 0.75f, 8, 0, 0, 0, 0};
        n.quatern = new float[] {0, 1, 0, 190, -180, -950};
        NiftiHeader h = NiftiReader.readHeader(n.writeTo(dir.resolve("q.nii")));
        assertThat(h.affineSource()).isEqualTo("qform");
        assertThat(h.affine()).isEqualTo(Affine.ofRows(-0.75, 0, 0, 190, 0, 0.75, 0, -180, 0, 0, 8, -950));

        // canonical: i already runs toward Left, j runs toward Anterior and is flipped
        Volume v = NiftiReader.read(dir.resolve("q.nii"), IntensityUnit.LABEL);
        assertThat(v.fromSource().flipped(0)).isFalse();
        assertThat(v.fromSource().flipped(1)).isTrue();
        assertThat(v.get(0, 0, 0)).isEqualTo(4);
        assertThat(v.affine().apply(0, 0, 0)).containsExactly(190, -180 + 2 * 0.75, -950);
    }

    @Test
    void rotatedQformMatchesTheSpecFormula() throws IOException {
        // 90° about z: quaternion (a, b, c, d) = (cos 45°, 0, 0, sin 45°) maps i to +y and j to -x.
        HandMadeNifti n = new HandMadeNifti();
        n.sformCode = 0;
        n.qformCode = 1;
        float s = (float) Math.sqrt(0.5);
        n.quatern = new float[] {0, 0, s, 1, 2, 3};
        NiftiHeader h = NiftiReader.readHeader(n.writeTo(dir.resolve("rot.nii")));
        double[] expected = {0, -2, 0, 1, 1, 0, 0, 2, 0, 0, 3, 3};
        assertThat(h.affine().rows()).containsExactly(expected, within(1e-6));
    }

    @Test
    void pixdimDiagonalWhenNoTransformIsSet() throws IOException {
        HandMadeNifti n = new HandMadeNifti();
        n.sformCode = 0;
        NiftiHeader h = NiftiReader.readHeader(n.writeTo(dir.resolve("plain.nii")));
        assertThat(h.affineSource()).isEqualTo("pixdim");
        assertThat(h.affine()).isEqualTo(Affine.diagonal(1, 2, 3));
    }

    @Test
    void convertsMetresToMillimetres() throws IOException {
        HandMadeNifti n = new HandMadeNifti();
        n.xyztUnits = 1;
        n.srow = new float[] {-0.5f, 0, 0, 0.25f, 0, -0.5f, 0, 0, 0, 0, 0.5f, 0};
        NiftiHeader h = NiftiReader.readHeader(n.writeTo(dir.resolve("m.nii")));
        assertThat(h.affine()).isEqualTo(Affine.ofRows(-500, 0, 0, 250, 0, -500, 0, 0, 0, 0, 500, 0));
    }

    @Test
    void twoDimensionalAndSingletonFourDimensionalFiles() throws IOException {
        HandMadeNifti flat = new HandMadeNifti();
        flat.dim = new short[] {2, 4, 6, 0, 0, 0, 0, 0};
        Volume slice = NiftiReader.read(flat.writeTo(dir.resolve("flat.nii")), IntensityUnit.HU);
        assertThat(new int[] {slice.width(), slice.height(), slice.depth()}).containsExactly(4, 6, 1);

        HandMadeNifti fourD = new HandMadeNifti();
        fourD.dim = new short[] {4, 2, 3, 4, 1, 1, 1, 1};
        assertThat(NiftiReader.read(fourD.writeTo(dir.resolve("4d.nii")), IntensityUnit.HU).toArray())
                .hasSize(24);
    }

    @Test
    void skipsExtensionsUpToVoxOffset() throws IOException {
        HandMadeNifti n = new HandMadeNifti();
        n.voxOffset = 416;
        assertThat(NiftiReader.read(n.writeTo(dir.resolve("ext.nii.gz")), IntensityUnit.HU).get(1, 2, 3))
                .isEqualTo(23);
        assertThat(NiftiReader.read(n.writeTo(dir.resolve("ext.nii")), IntensityUnit.HU).get(1, 2, 3))
                .isEqualTo(23);
    }

    @Test
    void reorientsRasFilesToCanonical() throws IOException {
        // +i toward Right, +j toward Anterior: both flipped in canonical order
        HandMadeNifti n = new HandMadeNifti();
        n.srow = new float[] {1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 3, 0};
        Volume v = NiftiReader.read(n.writeTo(dir.resolve("ras.nii")), IntensityUnit.HU);
        assertThat(v.get(0, 0, 0)).isEqualTo(1 + 2 * 2);
        assertThat(v.affine().apply(0, 0, 0)).containsExactly(1, 4, 0);
        assertThat(v.affine().get(0, 0)).isEqualTo(-1);
        assertThat(v.affine().get(1, 1)).isEqualTo(-2);
    }
}
