package org.covseg.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.covseg.SharedData;
import org.covseg.image.Volume;
import org.junit.jupiter.api.Test;

/**
 * COVID-SemiSeg training slice k is MedSeg slice k, cropped to the lung box and stored transposed. After the
 * SemiSeg reader, the crop must be found inside the (uncropped, radiologically displayed) MedSeg slice in the same
 * orientation: high correlation at the best shift, and much lower for the crop mirrored left-right or top-bottom
 * (or transposed back). The masks, read the same way, must then overlap too.
 */
class SemiSegOrientationTest {

    private static final int[] SLICES = {0, 13, 30, 45, 67};

    @Test
    void semiSegSlicesAfterReadingAlignWithTheMatchingMedSegSlices() {
        SliceDataset<LabeledSlice> semiSeg = Datasets.open(
                SharedData.require("data/COVID-SemiSeg/TrainingSet/LungInfection-Train/Doctor-label"));
        SliceDataset<LabeledSlice> medSeg = Datasets.open(SharedData.require("data/MedSeg-100-512"));
        for (int k : SLICES) {
            LabeledSlice crop = semiSeg.load(String.valueOf(k));
            LabeledSlice full = medSeg.load(String.valueOf(k));
            float[][] c = rows(crop.image());
            float[][] f = rows(full.image());
            Match asRead = bestMatch(c, f);
            double others = Math.max(bestMatch(mirrorLeftRight(c), f).correlation,
                    Math.max(bestMatch(mirrorTopBottom(c), f).correlation, bestMatch(transpose(c), f).correlation));
            assertThat(asRead.correlation).as("slice %d as read", k).isGreaterThan(0.9);
            assertThat(asRead.correlation - others).as("slice %d margin over the other orientations", k)
                    .isGreaterThan(0.3);
            assertThat(dice(crop.mask(), full.mask(), asRead)).as("slice %d mask overlap", k).isGreaterThan(0.7);
        }
    }

    private record Match(double correlation, int dx, int dy) {
    }

    /**
     * Best Pearson correlation of the crop with a same-size window of the full slice, over window shifts in steps
     * of 2 pixels, on crop pixels in steps of 4 (cheap; the images are smooth enough).
     */
    private static Match bestMatch(float[][] crop, float[][] full) {
        int h = crop.length;
        int w = crop[0].length;
        Match best = new Match(-2, 0, 0);
        for (int dy = 0; dy + h <= full.length; dy += 2) {
            for (int dx = 0; dx + w <= full[0].length; dx += 2) {
                double sa = 0;
                double sb = 0;
                double saa = 0;
                double sbb = 0;
                double sab = 0;
                int n = 0;
                for (int j = 0; j < h; j += 4) {
                    float[] cropRow = crop[j];
                    float[] fullRow = full[dy + j];
                    for (int i = 0; i < w; i += 4) {
                        double a = cropRow[i];
                        double b = fullRow[dx + i];
                        sa += a;
                        sb += b;
                        saa += a * a;
                        sbb += b * b;
                        sab += a * b;
                        n++;
                    }
                }
                double r = (sab - sa * sb / n) / Math.sqrt((saa - sa * sa / n) * (sbb - sb * sb / n) + 1e-9);
                if (r > best.correlation) {
                    best = new Match(r, dx, dy);
                }
            }
        }
        return best;
    }

    private static float[][] rows(Volume v) {
        float[][] r = new float[v.height()][v.width()];
        for (int j = 0; j < v.height(); j++) {
            for (int i = 0; i < v.width(); i++) {
                r[j][i] = v.get(i, j, 0);
            }
        }
        return r;
    }

    private static float[][] mirrorLeftRight(float[][] a) {
        float[][] m = new float[a.length][a[0].length];
        for (int j = 0; j < a.length; j++) {
            for (int i = 0; i < a[0].length; i++) {
                m[j][a[0].length - 1 - i] = a[j][i];
            }
        }
        return m;
    }

    private static float[][] mirrorTopBottom(float[][] a) {
        float[][] m = new float[a.length][];
        for (int j = 0; j < a.length; j++) {
            m[a.length - 1 - j] = a[j];
        }
        return m;
    }

    private static float[][] transpose(float[][] a) {
        float[][] t = new float[a[0].length][a.length];
        for (int j = 0; j < a.length; j++) {
            for (int i = 0; i < a[0].length; i++) {
                t[i][j] = a[j][i];
            }
        }
        return t;
    }

    private static double dice(Volume cropMask, Volume fullMask, Match at) {
        double both = 0;
        double sum = 0;
        for (int j = 0; j < cropMask.height(); j++) {
            for (int i = 0; i < cropMask.width(); i++) {
                float a = cropMask.get(i, j, 0);
                float b = fullMask.get(at.dx + i, at.dy + j, 0);
                both += a * b;
                sum += a + b;
            }
        }
        return sum == 0 ? 1 : 2 * both / sum;
    }
}
