package org.covseg.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConvolutionReferenceTest {

    /** The 3×3 image 1..9 (row-major). */
    private static final float[] ONE_TO_NINE = {1, 2, 3, 4, 5, 6, 7, 8, 9};

    @Test
    void aTwoByTwoSumOfOnesAddsEachWindow() {
        ConvolutionCase c = new ConvolutionCase(1, 1, 1, 3, 2, 1, 0, 1);
        // windows: 1+2+4+5, 2+3+5+6, 4+5+7+8, 5+6+8+9
        assertThat(ConvolutionReference.forward(c, ONE_TO_NINE, new float[] {1, 1, 1, 1}))
                .containsExactly(12, 16, 24, 28);
    }

    @Test
    void paddingStrideAndDilationFollowPyTorch() {
        // 3x3 kernel, only its centre and bottom-right set; padding 1, stride 2: outputs at (0,0), (0,2), (2,0), (2,2)
        float[] kernel = {0, 0, 0, 0, 1, 0, 0, 0, 10};
        ConvolutionCase strided = new ConvolutionCase(1, 1, 1, 3, 3, 2, 1, 1);
        // (0,0): 1 + 10·5; (0,2): 3 + 10·0 (outside); (2,0): 7; (2,2): 9
        assertThat(ConvolutionReference.forward(strided, ONE_TO_NINE, kernel)).containsExactly(51, 3, 7, 9);
        // dilation 2, padding 2: the bottom-right tap reads 2 pixels right and down of the centre
        ConvolutionCase dilated = new ConvolutionCase(1, 1, 1, 3, 3, 1, 2, 2);
        double[] out = ConvolutionReference.forward(dilated, ONE_TO_NINE, kernel);
        assertThat(out[0]).isEqualTo(1 + 10 * 9);
        assertThat(out[4]).isEqualTo(5);
    }

    @Test
    void channelsAndBatchAreSummedAndKeptApart() {
        // 2 images, 2 input channels, 1x1 kernel weights (1, 10) for output 0 and (2, 0) for output 1
        ConvolutionCase c = new ConvolutionCase(2, 2, 2, 1, 1, 1, 0, 1);
        float[] input = {1, 2, 3, 4};
        assertThat(ConvolutionReference.forward(c, input, new float[] {1, 10, 2, 0})).containsExactly(21, 2, 43, 6);
    }

    @Test
    void theInputGradientCountsTheWindowsEachPixelIsIn() {
        ConvolutionCase c = new ConvolutionCase(1, 1, 1, 3, 2, 1, 0, 1);
        assertThat(ConvolutionReference.inputGradient(c, new float[] {1, 1, 1, 1}, new float[] {1, 1, 1, 1}))
                .containsExactly(1, 2, 1, 2, 4, 2, 1, 2, 1);
    }

    @Test
    void theInputGradientIsTheAdjointOfTheForwardPass() {
        // <conv(x), g> = <x, conv^T(g)> for any x, g
        ConvolutionCase c = new ConvolutionCase(2, 3, 5, 7, 3, 2, 1, 1);
        java.util.Random random = new java.util.Random(3);
        float[] x = new float[c.inputLength()];
        float[] w = new float[c.weightLength()];
        float[] g = new float[c.outputLength()];
        for (float[] v : new float[][] {x, w, g}) {
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) random.nextGaussian();
            }
        }
        double[] y = ConvolutionReference.forward(c, x, w);
        double[] dx = ConvolutionReference.inputGradient(c, g, w);
        double left = 0;
        double right = 0;
        for (int i = 0; i < y.length; i++) {
            left += y[i] * g[i];
        }
        for (int i = 0; i < dx.length; i++) {
            right += x[i] * dx[i];
        }
        assertThat(left).isCloseTo(right, within(1e-9 * Math.abs(left)));
    }

    @Test
    void aConvolutionThatHasNoOutputIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ConvolutionCase(1, 1, 1, 2, 3, 1, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
