package org.covseg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.covseg.SharedData;
import org.covseg.image.Affine;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 45 real MosMed lesion masks: int16 512x512xN, sform = qform = diag(−dx, dx, 8 mm), dx 0.58..1.15 mm. */
class MosMedMasksTest {

    private static List<Path> masks() throws IOException {
        Path folder = SharedData.require("data/MosMed-masks");
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".nii.gz")).sorted().toList();
        }
    }

    @Test
    void allMasksReadInCanonicalGeometry() throws IOException {
        List<Path> masks = masks();
        assertThat(masks).hasSize(45);
        for (Path file : masks) {
            NiftiHeader header = NiftiReader.readHeader(file);
            assertThat(header.datatype()).isEqualTo(NiftiDatatype.INT16);
            assertThat(header.affineSource()).isEqualTo("sform");
            assertThat(header.qformAffine().rows()).as("qform of %s", file)
                    .containsExactly(header.sformAffine().rows(), within(1e-4));

            Volume v = NiftiReader.read(file, IntensityUnit.LABEL);
            assertThat(v.width()).as("%s", file).isEqualTo(512);
            assertThat(v.height()).isEqualTo(512);
            assertThat(v.depth()).isBetween(33, 53);
            double[] spacing = v.spacing();
            assertThat(spacing[0]).isBetween(0.5, 1.2).isEqualTo(spacing[1]);
            assertThat(spacing[2]).isEqualTo(8);
            // canonical: i toward Left (−x), j toward Posterior (−y), k toward Superior (+z), no rotation
            Affine a = v.affine();
            assertThat(a.get(0, 0)).isNegative();
            assertThat(a.get(1, 1)).isNegative();
            assertThat(a.get(2, 2)).isPositive();
            assertThat(a.get(0, 1) == 0 && a.get(1, 0) == 0 && a.get(2, 0) == 0 && a.get(2, 1) == 0).isTrue();
            long notBinary = 0;
            for (float value : v.toArray()) {
                if (value != 0 && value != 1) {
                    notBinary++;
                }
            }
            assertThat(notBinary).as("voxels other than 0 and 1 in %s", file).isZero();
        }
    }

    @Test
    void maskRoundTripsThroughTheWriter(@TempDir Path dir) throws IOException {
        Path file = masks().get(0);
        Volume mask = NiftiReader.read(file, IntensityUnit.LABEL);
        Path copy = dir.resolve("copy.nii.gz");
        NiftiWriter.write(mask, copy, NiftiDatatype.UINT8);

        NiftiHeader in = NiftiReader.readHeader(file);
        NiftiHeader out = NiftiReader.readHeader(copy);
        assertThat(out.dimensions()).containsExactly(in.dimensions());
        assertThat(out.affine()).isEqualTo(in.affine());
        assertThat(out.descrip()).isEqualTo(in.descrip());
        Volume back = NiftiReader.read(copy, IntensityUnit.LABEL);
        assertThat(back.toArray()).isEqualTo(mask.toArray());
        assertThat(back.affine()).isEqualTo(mask.affine());
    }
}
