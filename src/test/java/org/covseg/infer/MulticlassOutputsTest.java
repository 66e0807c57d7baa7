package org.covseg.infer;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.covseg.data.Scan;
import org.covseg.data.Scans;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.io.SliceImageReader;
import org.covseg.io.SliceImageWriter;
import org.covseg.io.SliceOrientation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MulticlassOutputsTest {

    @TempDir
    Path dir;

    @Test
    void labelsAreTheMostProbableClassWithTiesToTheLowerLabel() {
        MulticlassMaps maps = MulticlassMaps.of(new float[] {0.9f, 0.2f, 0.1f, 0.5f, 0.4f},
                new float[] {0.1f, 0.7f, 0.3f, 0.5f, 0.6f}, new float[] {0.3f, 0.6f, 0.8f, 0.1f, 0.6f});
        assertThat(maps.labels()).containsExactly(0, 1, 2, 0, 1);
    }

    @Test
    void slicesGetTwoProbabilityMapsAndAPaletteLabelMapInTheirOwnPixelOrder() throws IOException {
        // a 3x2 canonical slice stored transposed (2 wide, 3 high in the file)
        Volume slice = Volume.builder(3, 2, 1).voxels(new float[6]).unit(IntensityUnit.WINDOWED_8BIT).build();
        Path input = dir.resolve("in/case.png");
        java.nio.file.Files.createDirectories(input.getParent());
        SliceImageWriter.writeGrey8(input, slice, SliceOrientation.TRANSPOSED);
        Scan scan = Scans.open(input, null, SliceOrientation.TRANSPOSED);
        float[] labels = {0, 1, 2, 2, 1, 0};
        MulticlassMaps maps = new MulticlassMaps(new float[] {0, 0.2f, 0.4f, 0.6f, 0.8f, 1},
                new float[] {1, 1, 1, 0, 0, 0}, labels);

        List<Path> written = SegmentationWriter.writeClasses(scan, List.of(maps), SliceOrientation.TRANSPOSED,
                dir.resolve("out"));

        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("case_ggo.png", "case_consolidation.png", "case_labels.png");
        Volume readLabels = SliceImageReader.readLabels(written.get(2), SliceOrientation.TRANSPOSED);
        assertThat(readLabels.toArray()).containsExactly(labels);
        Volume ggo = SliceImageReader.readImage(written.get(0), SliceOrientation.TRANSPOSED);
        assertThat(ggo.toArray()).containsExactly(0, 51, 102, 153, 204, 255);
        // the file is transposed: canonical (i=2, j=0), consolidation, is file pixel (x=0, y=2), drawn red
        BufferedImage file = ImageIO.read(written.get(2).toFile());
        assertThat(file.getWidth()).isEqualTo(2);
        assertThat(file.getRGB(0, 2) & 0xFFFFFF).isEqualTo(0xFF0000);
        assertThat(file.getRGB(0, 1) & 0xFFFFFF).isEqualTo(0xFFFF00);
    }
}
