package org.covseg.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.covseg.image.BilinearResize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NDManagerExtension.class)
class BilinearTest {

    private static final float EPS = 1e-6f;

    @Test
    void oneDimensionalWeightsByHand() {
        // 2 -> 4, align_corners=False: sources -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to the last sample)
        assertThat(BilinearResize.matrix(2, 4, false)).containsExactly(new float[] {
                1, 0,
                0.75f, 0.25f,
                0.25f, 0.75f,
                0, 1}, within(EPS));
        // 2 -> 4, align_corners=True: sources 0, 1/3, 2/3, 1
        assertThat(BilinearResize.matrix(2, 4, true)).containsExactly(new float[] {
                1, 0,
                2 / 3f, 1 / 3f,
                1 / 3f, 2 / 3f,
                0, 1}, within(EPS));
        // 5 -> 3 (odd, down), align_corners=False: sources 1/3, 2, 11/3
        assertThat(BilinearResize.matrix(5, 3, false)).containsExactly(new float[] {
                2 / 3f, 1 / 3f, 0, 0, 0,
                0, 0, 1, 0, 0,
                0, 0, 0, 1 / 3f, 2 / 3f}, within(EPS));
        // 3 -> 5, align_corners=True: sources 0, 0.5, 1, 1.5, 2
        assertThat(BilinearResize.matrix(3, 5, true)).containsExactly(new float[] {
                1, 0, 0,
                0.5f, 0.5f, 0,
                0, 1, 0,
                0, 0.5f, 0.5f,
                0, 0, 1}, within(EPS));
        // a single output sample with aligned corners takes the first input sample
        assertThat(BilinearResize.matrix(4, 1, true)).containsExactly(new float[] {1, 0, 0, 0}, within(EPS));
    }

    @Test
    void downsamplingByAQuarterAveragesTheTwoMiddleSamplesWithoutAntialiasing() {
        // x0.25, align_corners=False: output d samples at 4d + 1.5
        float[] w = BilinearResize.matrix(44, 11, false);
        for (int d = 0; d < 11; d++) {
            for (int i = 0; i < 44; i++) {
                float expected = i == 4 * d + 1 || i == 4 * d + 2 ? 0.5f : 0;
                assertThat(w[d * 44 + i]).as("d=%d i=%d", d, i).isCloseTo(expected, within(EPS));
            }
        }
    }

    @Test
    void matchesPyTorchDocumentationExamples(NDManager manager) {
        // torch.nn.Upsample(scale_factor=2, mode='bilinear') on [[1, 2], [3, 4]], from PyTorch's documentation
        NDArray x = manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
        assertThat(Bilinear.resize(x, 4, 4, false).toFloatArray()).containsExactly(new float[] {
                1.0f, 1.25f, 1.75f, 2.0f,
                1.5f, 1.75f, 2.25f, 2.5f,
                2.5f, 2.75f, 3.25f, 3.5f,
                3.0f, 3.25f, 3.75f, 4.0f}, within(EPS));
        assertThat(Bilinear.resize(x, 4, 4, true).toFloatArray()).containsExactly(new float[] {
                1.0000f, 1.3333f, 1.6667f, 2.0000f,
                1.6667f, 2.0000f, 2.3333f, 2.6667f,
                2.3333f, 2.6667f, 3.0000f, 3.3333f,
                3.0000f, 3.3333f, 3.6667f, 4.0000f}, within(1e-4f));
    }

    @Test
    void downsamplesAFourByFourRamp(NDManager manager) {
        // F.interpolate(arange(16).view(1, 1, 4, 4), size=2): samples at 0.5 and 2.5 (align_corners=False),
        // at 0 and 3 (align_corners=True)
        NDArray x = manager.arange(16f).reshape(1, 1, 4, 4);
        assertThat(Bilinear.resize(x, 2, 2, false).toFloatArray())
                .containsExactly(new float[] {2.5f, 4.5f, 10.5f, 12.5f}, within(EPS));
        assertThat(Bilinear.resize(x, 2, 2, true).toFloatArray())
                .containsExactly(new float[] {0, 3, 12, 15}, within(EPS));
    }

    @Test
    void separableResizeEqualsPyTorchsPerPixelFormula(NDManager manager) {
        int[][] sizes = {{44, 44, 11, 11}, {11, 11, 352, 352}, {7, 5, 12, 9}, {88, 88, 11, 11}, {6, 9, 3, 4}};
        for (int[] s : sizes) {
            NDArray x = manager.randomUniform(-1, 1, new Shape(2, 3, s[0], s[1]));
            for (boolean alignCorners : new boolean[] {false, true}) {
                NDArray y = Bilinear.resize(x, s[2], s[3], alignCorners);
                assertThat(y.getShape()).isEqualTo(new Shape(2, 3, s[2], s[3]));
                float[] expected = perPixel(x.toFloatArray(), 6, s[0], s[1], s[2], s[3], alignCorners);
                assertThat(maxAbsDifference(y.toFloatArray(), expected))
                        .as("%s align_corners=%s", java.util.Arrays.toString(s), alignCorners)
                        .isLessThan(1e-5f);
            }
        }
    }

    private static float maxAbsDifference(float[] a, float[] b) {
        assertThat(a).hasSameSizeAs(b);
        float max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs(a[i] - b[i]));
        }
        return max;
    }

    /** PyTorch's upsample_bilinear2d kernel, written pixel by pixel. */
    private static float[] perPixel(float[] x, int planes, int inH, int inW, int outH, int outW, boolean align) {
        float[] out = new float[planes * outH * outW];
        for (int p = 0; p < planes; p++) {
            for (int oy = 0; oy < outH; oy++) {
                double sy = source(oy, inH, outH, align);
                int y0 = (int) sy;
                int yStep = y0 < inH - 1 ? 1 : 0;
                double ly = sy - y0;
                for (int ox = 0; ox < outW; ox++) {
                    double sx = source(ox, inW, outW, align);
                    int x0 = (int) sx;
                    int xStep = x0 < inW - 1 ? 1 : 0;
                    double lx = sx - x0;
                    int base = p * inH * inW;
                    double v = (1 - ly) * ((1 - lx) * x[base + y0 * inW + x0] + lx * x[base + y0 * inW + x0 + xStep])
                            + ly * ((1 - lx) * x[base + (y0 + yStep) * inW + x0]
                            + lx * x[base + (y0 + yStep) * inW + x0 + xStep]);
                    out[p * outH * outW + oy * outW + ox] = (float) v;
                }
            }
        }
        return out;
    }

    private static double source(int d, int in, int out, boolean align) {
        if (align) {
            return out > 1 ? (in - 1) / (double) (out - 1) * d : 0;
        }
        return Math.max(in / (double) out * (d + 0.5) - 0.5, 0);
    }

    @Test
    void gradientsFlowThroughTheResize(NDManager manager) {
        NDArray x = manager.arange(16f).reshape(1, 1, 4, 4);
        x.setRequiresGradient(true);
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            collector.backward(Bilinear.resize(x, 2, 2, false).sum());
        }
        // every input sample has weight 0.5 in exactly one output row and one output column
        assertThat(x.getGradient().toFloatArray()).containsOnly(0.25f);
    }

    @Test
    void sameSizeIsTheIdentity(NDManager manager) {
        NDArray x = manager.randomUniform(0, 1, new Shape(1, 2, 5, 7));
        assertThat(Bilinear.resize(x, 5, 7, true).toFloatArray()).containsExactly(x.toFloatArray());
        assertThat(Bilinear.resize(x, 5, 7, false).toFloatArray()).containsExactly(x.toFloatArray());
    }
}
