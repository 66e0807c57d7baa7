package org.covseg.engine;

/**
 * A plain-Java 2-D convolution in float64, the yardstick of the engine self-check: the forward pass and the
 * gradient with respect to the input (the transposed convolution of the output gradient), both in PyTorch's
 * cross-correlation convention and NCHW layout.
 */
final class ConvolutionReference {

    private ConvolutionReference() {
    }

    static double[] forward(ConvolutionCase c, float[] input, float[] weight) {
        double[] out = new double[c.outputLength()];
        forEachTap(c, (in, w, o) -> out[o] += (double) input[in] * weight[w]);
        return out;
    }

    /** d(Σ outputGradient · conv(input)) / d input. */
    static double[] inputGradient(ConvolutionCase c, float[] outputGradient, float[] weight) {
        double[] grad = new double[c.inputLength()];
        forEachTap(c, (in, w, o) -> grad[in] += (double) outputGradient[o] * weight[w]);
        return grad;
    }

    /** Where one product of the convolution's sum comes from and goes: input, weight and output indices. */
    private interface Tap {
        void visit(int input, int weight, int output);
    }

    /** Visits every (input pixel, weight) product of every output pixel; taps in the padding are skipped. */
    private static void forEachTap(ConvolutionCase c, Tap tap) {
        int outSize = c.outputSize();
        int output = 0;
        for (int n = 0; n < c.batch(); n++) {
            for (int o = 0; o < c.outChannels(); o++) {
                for (int y = 0; y < outSize; y++) {
                    for (int x = 0; x < outSize; x++, output++) {
                        for (int i = 0; i < c.inChannels(); i++) {
                            for (int ky = 0; ky < c.kernel(); ky++) {
                                int iy = y * c.stride() - c.padding() + ky * c.dilation();
                                for (int kx = 0; iy >= 0 && iy < c.size() && kx < c.kernel(); kx++) {
                                    int ix = x * c.stride() - c.padding() + kx * c.dilation();
                                    if (ix >= 0 && ix < c.size()) {
                                        tap.visit(((n * c.inChannels() + i) * c.size() + iy) * c.size() + ix,
                                                ((o * c.inChannels() + i) * c.kernel() + ky) * c.kernel() + kx,
                                                output);
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
