package org.covseg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.covseg.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real ground truth evaluated against itself. Each image with G infection pixels out of N must score as a perfect
 * map does under the protocol (see {@link EvaluateCommandTest#groundTruthAgainstItself}): meanDic
 * (255 + 2G/(G+N))/256, meanSen 1, meanSpe 255/256; an image with empty ground truth has meanDic 0 (TP = 0 at every
 * threshold) but Dice 1 at 0.5 (both masks empty).
 */
class EvaluateRealDataTest {

    @TempDir
    Path out;

    @Test
    void semiSegDoctorLabelAgainstItself() throws IOException {
        Path gt = SharedData.require("data/COVID-SemiSeg/TrainingSet/LungInfection-Train/Doctor-label/GT");
        JsonNode summary = evaluateAgainstItself(gt, 50, 886_214);
        assertThat(summary.get("hd95Undefined").asInt()).isZero();
    }

    @Test
    void medSegZeroOneMasksAgainstThemselves() throws IOException {
        Path gt = SharedData.require("data/MedSeg-100-512/GT");
        JsonNode summary = evaluateAgainstItself(gt, 52, 906_311);
        assertThat(summary.get("hd95Undefined").asInt()).isEqualTo(1);
    }

    /** Runs the evaluation, checks every row and the summary; the pixel total was counted independently. */
    private JsonNode evaluateAgainstItself(Path gt, int images, long truthPixels) throws IOException {
        Cli r = Cli.run("evaluate", "--pred", gt.toString(), "--gt", gt.toString(), "--out", out.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();

        List<String> rows = Files.readAllLines(out.resolve("per_image.csv"));
        assertThat(rows).hasSize(images + 1);
        long total = 0;
        double meanDice = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            long g = Long.parseLong(f[12]);
            BufferedImage mask = ImageIO.read(gt.resolve(f[0] + ".png").toFile());
            long n = (long) mask.getWidth() * mask.getHeight();
            double expected = g == 0 ? 0 : (255 + 2.0 * g / (g + n)) / 256;
            assertThat(Double.parseDouble(f[1])).as(f[0]).isCloseTo(expected, within(1e-6));
            assertThat(f[2]).as(f[0]).isEqualTo(g == 0 ? "0.000000" : "1.000000");
            assertThat(f[7]).as("Dice of " + f[0]).isEqualTo("1.000000");
            assertThat(f[11]).as("HD95 of " + f[0]).isEqualTo(g == 0 ? "" : "0.000000");
            assertThat(f[13]).as(f[0]).isEqualTo(f[12]);
            total += g;
            meanDice += expected / images;
        }
        assertThat(total).isEqualTo(truthPixels);

        JsonNode summary = new ObjectMapper().readTree(out.resolve("metrics.json").toFile())
                .at("/classes/0/summary");
        assertThat(summary.get("meanDic").asDouble()).isCloseTo(meanDice, within(1e-6));
        assertThat(summary.get("MAE").asDouble()).isZero();
        assertThat(summary.get("Sm").asDouble()).isCloseTo(1, within(1e-6));
        assertThat(summary.get("dice").asDouble()).isEqualTo(1);
        assertThat(summary.get("hd95").asDouble()).isZero();
        assertThat(ImageIO.read(out.resolve("gallery.png").toFile())).isNotNull();
        assertThat(ImageIO.read(out.resolve("dice.png").toFile())).isNotNull();
        return summary;
    }
}
