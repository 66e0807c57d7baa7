package org.covseg.semi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.covseg.data.LabeledSlice;
import org.covseg.data.SemiSegDataset;
import org.covseg.image.IntensityUnit;
import org.covseg.image.MaskEdges;
import org.covseg.image.Volume;
import org.covseg.io.SliceImageReader;
import org.covseg.io.SliceImageWriter;
import org.covseg.io.SliceOrientation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudoLabelTest {

    private static final int W = 7;
    private static final int H = 5;

    @TempDir
    Path dir;

    /** A 7x5 probability map: a 3x2 block above 0.5 at x 2..4, y 1..2; exactly 0.5 elsewhere in row 4. */
    private static float[] probability() {
        float[] p = new float[W * H];
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                p[y * W + x] = y == 4 ? 0.5f : (x >= 2 && x <= 4 && y >= 1 && y <= 2) ? 0.9f : 0.1f;
            }
        }
        return p;
    }

    private static Volume image() {
        float[] grey = new float[W * H];
        for (int i = 0; i < grey.length; i++) {
            grey[i] = i * 7 % 256;
        }
        return Volume.builder(W, H, 1).voxels(grey).unit(IntensityUnit.WINDOWED_8BIT).build();
    }

    @Test
    void maskIsTheProbabilityAboveOneHalfAndEdgesAreMaskEdgesOfIt() {
        PseudoLabel label = PseudoLabel.of("s", image(), probability());
        float[] expected = new float[W * H];
        for (int p = 0; p < expected.length; p++) {
            expected[p] = probability()[p] > 0.5f ? 1 : 0;
        }
        assertThat(label.mask().toArray()).containsExactly(expected);
        assertThat(label.edge().toArray()).containsExactly(MaskEdges.of(expected, W, H, 1));
        assertThat(label.infectedShare()).isEqualTo(6.0 / 35);
        assertThat(label.toLabeledSlice().edge()).contains(label.edge());
    }

    @Test
    void savedInTheImageFilesPixelOrderAndReadBackUnchanged() {
        Path file = dir.resolve("img.png");
        SliceImageWriter.writeGrey8(file, image(), SliceOrientation.TRANSPOSED);
        Volume transposedImage = SliceImageReader.readImage(file, SliceOrientation.TRANSPOSED);
        PseudoLabel label = PseudoLabel.of("img", transposedImage, probability());

        label.write(dir.resolve("pseudo"));

        Volume storedMask = SliceImageReader.readImage(dir.resolve("pseudo/GT/img.png"));
        Volume storedImage = SliceImageReader.readImage(file);
        assertThat(storedMask.width()).isEqualTo(storedImage.width()).isEqualTo(H);
        assertThat(storedMask.range()).containsExactly(0f, 255f);
        assertThat(dir.resolve("pseudo/Edge/img.png")).exists();
        assertThat(PseudoLabel.isSaved(dir.resolve("pseudo"), "img")).isTrue();
        PseudoLabel read = PseudoLabel.read(dir.resolve("pseudo"), "img", transposedImage);
        assertThat(read.mask().toArray()).containsExactly(label.mask().toArray());
        assertThat(read.edge().toArray()).containsExactly(label.edge().toArray());
    }

    /** Stored as a labeled dataset stores its files, the mask reads back with that dataset's reader. */
    @Test
    void writtenInADatasetOrientationReadsBackAsThatDatasetsMaskAndEdge() throws IOException {
        Path data = dir.resolve("LungInfection-Written");
        Files.createDirectories(data.resolve("GT"));
        Files.createDirectories(data.resolve("Edge"));
        Files.createDirectories(data.resolve("Imgs"));
        SliceImageWriter.writeGrey8(data.resolve("Imgs/img.png"), image(), SliceOrientation.TRANSPOSED);
        PseudoLabel label = PseudoLabel.of("img", image(), probability());

        label.writeMask(data, SliceOrientation.TRANSPOSED);
        label.writeEdge(data, SliceOrientation.TRANSPOSED);

        Volume storedMask = SliceImageReader.readImage(data.resolve("GT/img.png"));
        assertThat(storedMask.width()).isEqualTo(H);
        assertThat(storedMask.get(1, 2, 0)).isEqualTo(255f);
        assertThat(storedMask.get(2, 1, 0)).isEqualTo(0f);
        LabeledSlice read = SemiSegDataset.lungInfection(data).load("img");
        assertThat(read.mask().toArray()).containsExactly(label.mask().toArray());
        assertThat(read.edge()).hasValueSatisfying(e -> assertThat(e.toArray()).containsExactly(
                label.edge().toArray()));
    }
}
