package org.covseg.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.covseg.metrics.ThresholdMetric.DICE;
import static org.covseg.metrics.ThresholdMetric.E_MEASURE;
import static org.covseg.metrics.ThresholdMetric.SENSITIVITY;
import static org.covseg.metrics.ThresholdMetric.SPECIFICITY;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InfNetProtocolTest {

    private static final double TOL = 1e-12;

    /** 4x4 ground truth used below: the first row and the first pixel of the second row (|G| = 5 of N = 16). */
    private static final boolean[] G5 = mask(4, "1111", "1000", "0000", "0000");

    @Test
    void thresholdsAreMatlabsColonVector() {
        assertThat(InfNetProtocol.threshold(0)).isEqualTo(1.0);
        assertThat(InfNetProtocol.threshold(255)).isEqualTo(0.0);
        assertThat(InfNetProtocol.threshold(1)).isEqualTo(1 - 1 / 255.0);
        assertThat(InfNetProtocol.threshold(128)).isEqualTo(127 * (1 / 255.0));
        for (int k = 1; k < 256; k++) {
            assertThat(InfNetProtocol.threshold(k)).isLessThan(InfNetProtocol.threshold(k - 1));
        }
        // k = 117 is built as 1 + 117·(−1/255), which lands one ulp above 138/255: grey level 138 fails it.
        assertThat(138 / 255.0).isLessThan(InfNetProtocol.threshold(117));
    }

    @Test
    void greyLevel138PassesOnly138Thresholds() {
        // 1x3 map {0, 138, 255} (min 0, max 255: normalisation leaves level/255), G = the middle pixel.
        // Sensitivity is 1 wherever the middle pixel passes (TP = 1 = |G|), else 0 (TP = 0 rule).
        // It passes t_k for k = 118..255: 138 thresholds, not the 139 that k/255 thresholds would give.
        ProtocolScores s = InfNetProtocol.evaluate(ProtocolMap.fromGreyLevels(new int[] {0, 138, 255}, 3, 1),
                new boolean[] {false, true, false});
        assertThat(s.meanSensitivity()).isEqualTo(138 / 256.0);
        assertThat(s.curves().value(SENSITIVITY, 117)).isEqualTo(0.0);
        assertThat(s.curves().value(SENSITIVITY, 118)).isEqualTo(1.0);
    }

    /**
     * The official main.m traced by hand on a 2x2 image. GT = [1 0; 0 0]; the 8-bit map [255 51; 0 102] becomes
     * A=1, B=0.2, C=0, D=0.4 (im2double; min 0 and max 1, so mapminmax changes nothing).
     * Level 255 passes all 256 thresholds, 102 passes the last 103 (k ≥ 153), 51 the last 52 (k ≥ 204), 0 only t=0.
     * <pre>
     *  k        count  P          TP FP TN  Dice  Sen  Spe   E-measure (sum over pixels / (N−1) = /3)
     *  0..152   153    {A}         1  0  3  1     1    1     F=G: φ≈1 everywhere → 4/3
     *  153..203  51    {A,D}       1  1  2  2/3   1    2/3   μG=1/4, μF=1/2: TP φ=.75/.8125=12/13 → e=(25/13)²/4=625/676;
     *                                                        FP φ=−.25/.3125=−.8 → .01; TN(×2) φ=.8 → .81 → (625/676+1.63)/3
     *  204..254  51    {A,B,D}     1  2  1  1/2   1    1/3   μF=3/4: TP φ=.375/.625=.6 → .64; FP(×2) φ=−1 → 0;
     *                                                        TN φ=.6 → .64 → 1.28/3
     *  255        1    all         1  3  0  2/5   1    0     μF=1: φ=0 → .25 each → 1/3
     * </pre>
     * meanDic = (153 + 51·2/3 + 51/2 + 2/5)/256 = 212.9/256 = 0.831640625; meanSen = 1;
     * meanSpe = (153 + 34 + 17 + 0)/256 = 0.796875;
     * meanEm = (153·4/3 + 51·(625/676+1.63)/3 + 51·1.28/3 + 1/3)/256 = 269.520789…/256 = 1.0528156…;
     * Sm: S_object = u·O_FG + (1−u)·O_BG, u = 1/4, O_FG = 2·1/(1+1+0) = 1, background 1−{.2,0,.4} = {.8,1,.6}:
     * mean .8, std .2 → O_BG = 1.6/(.64+1+.2) = 1.6/1.84; the centroid (1,1) cuts four 1x1 blocks, each Q = 1
     * (α = β = 0) → S_region = 1; Sm = .5·(.25 + .75·1.6/1.84) + .5·1 = 0.9510869…; MAE = (0+.2+0+.4)/4 = .15.
     * main.m would print meanDic:0.832;meanSen:1.000;meanSpe:0.797;Sm:0.951;meanEm:1.053;MAE:0.150.
     */
    @Test
    void reproducesTheOfficialToolOnAHandTracedExample() {
        ProtocolScores s = InfNetProtocol.evaluate(ProtocolMap.fromGreyLevels(new int[] {255, 51, 0, 102}, 2, 2),
                mask(2, "10", "00"));
        assertThat(s.meanDice()).isCloseTo(212.9 / 256, within(TOL));
        assertThat(s.meanSensitivity()).isEqualTo(1.0);
        assertThat(s.meanSpecificity()).isCloseTo(0.796875, within(TOL));
        double em = (153 * 4 / 3.0 + 51 * (625 / 676.0 + 1.63) / 3 + 51 * 1.28 / 3 + 1 / 3.0) / 256;
        assertThat(s.meanEMeasure()).isCloseTo(em, within(TOL)).isCloseTo(1.0528156, within(1e-7));
        assertThat(s.sMeasure()).isCloseTo(0.5 * (0.25 + 0.75 * 1.6 / 1.84) + 0.5, within(TOL));
        assertThat(s.mae()).isCloseTo(0.15, within(TOL));
        assertThat(s.curves().value(DICE, 152)).isEqualTo(1.0);
        assertThat(s.curves().value(DICE, 153)).isCloseTo(2 / 3.0, within(TOL));
        assertThat(s.curves().value(DICE, 204)).isEqualTo(0.5);
        assertThat(s.curves().value(DICE, 255)).isEqualTo(0.4);
        assertThat(s.curves().max(DICE)).isEqualTo(1.0);
    }

    @Test
    void aMaximumNormalisedOneUlpBelowOneFailsTheFirstThreshold() {
        // 1x2 map {9, 0}, G = the first pixel. mapminmax: (9/255 − 0)·(1/(9/255)) = 0.9999999999999999 < t_0 = 1,
        // so at k = 0 nothing is positive (TP = 0 → Dice 0); k = 1..254: P = {first} → Dice 1, Spe 1;
        // k = 255: P = both → Dice 2/3, Spe 0. meanDic = (254 + 2/3)/256, meanSen = 255/256, meanSpe = 254/256.
        ProtocolScores s = InfNetProtocol.evaluate(ProtocolMap.fromGreyLevels(new int[] {9, 0}, 2, 1),
                new boolean[] {true, false});
        assertThat(s.curves().value(DICE, 0)).isEqualTo(0.0);
        assertThat(s.meanDice()).isCloseTo((254 + 2 / 3.0) / 256, within(TOL));
        assertThat(s.meanSensitivity()).isEqualTo(255 / 256.0);
        assertThat(s.meanSpecificity()).isEqualTo(254 / 256.0);
    }

    @Test
    void perfectPredictionScoresOneExceptAtTheZeroThreshold() {
        // The GT itself as the map (levels 0/255). k = 0..254: P = G → Dice 1, Sen 1, Spe 1, E ≈ N/(N−1) = 16/15
        // (φ = 2a²/(2a² + eps), one ulp-ish below 1). k = 255 (t = 0): everything positive → Dice 2·5/(5+16) = 10/21,
        // Sen 1, Spe 0/11 = 0, E: F full → φ = 0 → 16·(1/4)/15 = 4/15.
        ProtocolScores s = InfNetProtocol.evaluate(ProtocolMap.fromGreyLevels(levels(G5, 255), 4, 4), G5);
        assertThat(s.meanDice()).isCloseTo((255 + 10 / 21.0) / 256, within(TOL));
        assertThat(s.meanSensitivity()).isEqualTo(1.0);
        assertThat(s.meanSpecificity()).isEqualTo(255 / 256.0);
        assertThat(s.meanEMeasure()).isCloseTo((255 * 16 / 15.0 + 4 / 15.0) / 256, within(TOL));
        assertThat(s.curves().value(E_MEASURE, 0)).isLessThan(16 / 15.0);
        assertThat(s.sMeasure()).isCloseTo(1.0, within(TOL));
        assertThat(s.mae()).isEqualTo(0.0);
    }

    @Test
    void blankPredictionIsPositiveOnlyAtTheZeroThreshold() {
        // All-zero probabilities → all-zero 8-bit map → constant, left as 0 by mapminmax.
        // k = 0..254: nothing positive → Dice = Sen = Spe = 0; k = 255: all positive → Dice 10/21, Sen 1, Spe 0.
        // E: F empty or full, G mixed → φ = 0 everywhere → 16·(1/4)/15 = 4/15 at every threshold.
        // Sm: O_FG = 0 (mean 0); background 1 − 0 = 1, std 0 → O_BG = 2/(1+1) = 1 → S_object = 11/16.
        // Centroid X = round(11/5) = 2, Y = round(6/5) = 1: LT [1 1]/[0 0] → α = β = 0 → 1; RT likewise 1;
        // LB (3x2, G has one 1) → α = 0, β = (1/6)²·σy² > 0 → 0; RB zeros/zeros → 1.
        // Weights 2/16, 2/16, 6/16, 6/16 → S_region = 1/8 + 1/8 + 3/8 = 5/8; Sm = (11/16 + 5/8)/2 = 21/32.
        ProtocolScores s = InfNetProtocol.evaluate(ProtocolMap.fromProbabilities(new float[16], 4, 4), G5);
        assertThat(s.meanDice()).isCloseTo(10 / 21.0 / 256, within(TOL));
        assertThat(s.meanSensitivity()).isEqualTo(1 / 256.0);
        assertThat(s.meanSpecificity()).isEqualTo(0.0);
        assertThat(s.meanEMeasure()).isCloseTo(4 / 15.0, within(TOL));
        assertThat(s.sMeasure()).isCloseTo(21 / 32.0, within(TOL));
        assertThat(s.mae()).isEqualTo(5 / 16.0);
    }

    @Test
    void constantGreyMapKeepsItsValue() {
        // All levels 128: mapminmax leaves a constant map unchanged, x = 128/255 = 0.50196…; it passes the
        // 129 thresholds t ≤ x (k = 127..255), where P = all → Dice 10/21, Sen 1, Spe 0; elsewhere TP = 0 → 0.
        // E = 4/15 everywhere (F empty or full). S_region = 5/8 as in the blank case (LB: constant map → 0; RB: a
        // constant map on zeros → α = β = 0 → 1); S_object = 5/16·2x/(x²+1) + 11/16·2(1−x)/((1−x)²+1);
        // MAE = (5(1−x) + 11x)/16.
        // RB's "α = β = 0" is a floating-point knife edge, in the official code too: for x = 178/255 the sum of six
        // x divided by 6 is not x, the block variance becomes ~1e-33 > 0 and RB scores 0 instead of 1.
        int[] grey = new int[16];
        java.util.Arrays.fill(grey, 128);
        ProtocolScores s = InfNetProtocol.evaluate(ProtocolMap.fromGreyLevels(grey, 4, 4), G5);
        double x = 128 / 255.0;
        assertThat(s.meanDice()).isCloseTo(129 * (10 / 21.0) / 256, within(TOL));
        assertThat(s.meanSensitivity()).isEqualTo(129 / 256.0);
        assertThat(s.meanSpecificity()).isEqualTo(0.0);
        assertThat(s.meanEMeasure()).isCloseTo(4 / 15.0, within(TOL));
        double object = 5 / 16.0 * 2 * x / (x * x + 1) + 11 / 16.0 * 2 * (1 - x) / ((1 - x) * (1 - x) + 1);
        assertThat(s.sMeasure()).isCloseTo(0.5 * object + 0.5 * 5 / 8.0, within(TOL));
        assertThat(s.mae()).isCloseTo((5 * (1 - x) + 11 * x) / 16, within(TOL));
    }

    @Test
    void noTruePositiveZeroesDiceSensitivityAndSpecificity() {
        // G = pixel B, map high only at A: k = 0..254: P = {A}, TP = 0 → all three 0 (Spe would be 2/3 otherwise);
        // k = 255: all → Dice 2/5, Sen 1, Spe 0.
        ProtocolScores s = InfNetProtocol.evaluate(ProtocolMap.fromGreyLevels(new int[] {255, 0, 0, 0}, 2, 2),
                mask(2, "01", "00"));
        assertThat(s.meanSpecificity()).isEqualTo(0.0);
        assertThat(s.meanDice()).isCloseTo(0.4 / 256, within(TOL));
        assertThat(s.meanSensitivity()).isEqualTo(1 / 256.0);
    }

    @Test
    void emptyGroundTruth() {
        // TP = 0 at every threshold → Dice = Sen = Spe = 0. E: G empty → Σ(1−F)/(N−1): k ≤ 254 F = {A} → 3/3 = 1;
        // k = 255 F = all → 0. Sm = 1 − mean(map) = 1 − 1/4; MAE = 1/4.
        ProtocolScores s = InfNetProtocol.evaluate(ProtocolMap.fromGreyLevels(new int[] {255, 0, 0, 0}, 2, 2),
                new boolean[4]);
        assertThat(s.meanDice()).isEqualTo(0.0);
        assertThat(s.meanSensitivity()).isEqualTo(0.0);
        assertThat(s.meanSpecificity()).isEqualTo(0.0);
        assertThat(s.meanEMeasure()).isCloseTo(255 / 256.0, within(TOL));
        assertThat(s.sMeasure()).isEqualTo(0.75);
        assertThat(s.mae()).isEqualTo(0.25);
    }

    @Test
    void fullGroundTruthHasUndefinedSpecificityAsInMatlab() {
        // G full: TN + FP = 0, so Spe = 0/0 = NaN wherever TP > 0 (every threshold here), and the mean is NaN.
        // k ≤ 254: P = {A} → Dice 2/(4+1) = .4, Sen 1/4; k = 255 → Dice 1, Sen 1.
        // E: G full → ΣF/(N−1): 1/3 for k ≤ 254, 4/3 at k = 255. Sm = mean(map) = 1/4; MAE = 3/4.
        ProtocolScores s = InfNetProtocol.evaluate(ProtocolMap.fromGreyLevels(new int[] {255, 0, 0, 0}, 2, 2),
                new boolean[] {true, true, true, true});
        assertThat(s.meanSpecificity()).isNaN();
        assertThat(s.curves().max(SPECIFICITY)).isNaN();
        assertThat(s.meanDice()).isCloseTo((255 * 0.4 + 1) / 256, within(TOL));
        assertThat(s.meanSensitivity()).isCloseTo((255 * 0.25 + 1) / 256, within(TOL));
        assertThat(s.meanEMeasure()).isCloseTo((255 / 3.0 + 4 / 3.0) / 256, within(TOL));
        assertThat(s.sMeasure()).isEqualTo(0.25);
        assertThat(s.mae()).isEqualTo(0.75);
    }

    @Test
    void histogramCountsMatchThresholdingEveryPixel() {
        Random random = new Random(4);
        for (int trial = 0; trial < 40; trial++) {
            int w = 3 + random.nextInt(12);
            int h = 3 + random.nextInt(12);
            int lo = random.nextInt(256);
            int hi = lo + random.nextInt(256 - lo);
            int[] grey = new int[w * h];
            boolean[] truth = new boolean[w * h];
            double fraction = trial % 10 == 0 ? 0 : trial % 10 == 1 ? 1 : random.nextDouble();
            for (int p = 0; p < grey.length; p++) {
                grey[p] = lo + random.nextInt(hi - lo + 1);
                truth[p] = random.nextDouble() < fraction;
            }
            ProtocolMap map = ProtocolMap.fromGreyLevels(grey, w, h);
            ThresholdCurves fast = InfNetProtocol.evaluate(map, truth).curves();
            double[] values = map.normalised();
            for (int k = 0; k < InfNetProtocol.THRESHOLD_COUNT; k++) {
                boolean[] binary = new boolean[values.length];
                for (int p = 0; p < values.length; p++) {
                    binary[p] = values[p] >= InfNetProtocol.threshold(k);
                }
                double[] expected = officialFmeasureCalu(binary, truth);
                assertThat(fast.value(DICE, k)).isEqualTo(Double.valueOf(expected[0]));
                assertThat(fast.value(SENSITIVITY, k)).isEqualTo(Double.valueOf(expected[1]));
                assertThat(fast.value(SPECIFICITY, k)).isEqualTo(Double.valueOf(expected[2]));
                assertThat(fast.value(E_MEASURE, k)).isCloseTo(EMeasureTest.perPixelEMeasure(binary, truth),
                        within(TOL));
            }
        }
    }

    /** Fmeasure_calu.m pixel by pixel: {Dice, Sen, Spe}. */
    private static double[] officialFmeasureCalu(boolean[] label, boolean[] gt) {
        double numRec = 0;
        double numAnd = 0;
        double numObj = 0;
        for (int p = 0; p < gt.length; p++) {
            numRec += label[p] ? 1 : 0;
            numAnd += label[p] && gt[p] ? 1 : 0;
            numObj += gt[p] ? 1 : 0;
        }
        double fn = numObj - numAnd;
        double fp = numRec - numAnd;
        double tn = (gt.length - numRec) - fn;
        if (numAnd == 0) {
            return new double[] {0, 0, 0};
        }
        return new double[] {2 * numAnd / (numObj + numRec), numAnd / numObj, tn / (tn + fp)};
    }

    static boolean[] mask(int width, String... rows) {
        boolean[] m = new boolean[width * rows.length];
        for (int y = 0; y < rows.length; y++) {
            for (int x = 0; x < width; x++) {
                m[y * width + x] = rows[y].charAt(x) == '1';
            }
        }
        return m;
    }

    private static int[] levels(boolean[] mask, int on) {
        int[] grey = new int[mask.length];
        for (int p = 0; p < mask.length; p++) {
            grey[p] = mask[p] ? on : 0;
        }
        return grey;
    }
}
