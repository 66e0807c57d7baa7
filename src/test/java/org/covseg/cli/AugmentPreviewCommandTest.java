package org.covseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AugmentPreviewCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesASheetOfOneRowPerSliceAndAColumnPerVersion() throws IOException {
        Path data = TinyDataset.write(dir.resolve("data"), 3);
        Path png = dir.resolve("out/preview.png");
        Cli r = Cli.run("augment-preview", "--data", data.toString(), "--out", png.toString(), "--count", "2",
                "--versions", "3", "--size", "64", "--augment", "all", "--cutout", "0.4");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains(png.toString());
        BufferedImage sheet = ImageIO.read(png.toFile());
        // 6 px gaps, 22 px captions: (1 + 3) columns of 64 + 6, a title and 2 captioned rows
        assertThat(sheet.getWidth()).isEqualTo(6 + 4 * 70);
        assertThat(sheet.getHeight()).isEqualTo(22 + 2 * (22 + 70));
        try (var files = Files.list(png.getParent())) {
            assertThat(files).containsExactly(png);
        }
    }

    @Test
    void aBadDatasetIsOneClearLine() {
        Path missing = dir.resolve("nowhere");
        Cli r = Cli.run("augment-preview", "--data", missing.toString(), "--out", dir.resolve("p.png").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).startsWith("covseg: ").contains(missing.toString()).doesNotContain("\n")
                .doesNotContain("Exception");
        assertThat(dir.resolve("p.png")).doesNotExist();
    }

    @Test
    void anUnknownTransformIsOneClearLine() throws IOException {
        Path data = TinyDataset.write(dir.resolve("data"), 1);
        Cli r = Cli.run("augment-preview", "--data", data.toString(), "--out", dir.resolve("p.png").toString(),
                "--augment", "flip,twirl");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("covseg: unknown augmentation 'twirl'; choose from flip, rot90, "
                + "rotate, crop, jitter or all");
    }
}
