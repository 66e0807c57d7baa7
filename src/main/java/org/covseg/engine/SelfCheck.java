package org.covseg.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Runs convolutions on the engine in this process and compares the output and the input gradient with
 * {@link ConvolutionReference}. Data are N(0, 1) and weights N(0, 1/fan-in), so outputs and gradients are of unit
 * scale and one absolute tolerance fits every case: correct float32 kernels are measured at about 1e-6, the faulty
 * oneDNN kernels at about 1 (or NaN).
 */
public final class SelfCheck {

    /** Largest absolute difference from the float64 reference that passes. */
    public static final double TOLERANCE = 1e-3;

    /**
     * Channel counts that are not multiples of 8 or 16 (Res2Net's 26-wide splits), 3×3, 1×1, strided and dilated,
     * the 3-channel stem; batch 2, because the faulty kernels are not used for batch 1 at these sizes. 32 channels
     * is a control that computes right everywhere measured.
     */
    static final List<ConvolutionCase> BATTERY = List.of(
            new ConvolutionCase(2, 13, 13, 22, 3, 1, 1, 1),
            new ConvolutionCase(2, 24, 24, 22, 3, 1, 1, 1),
            new ConvolutionCase(2, 26, 26, 22, 3, 1, 1, 1),
            new ConvolutionCase(2, 26, 26, 22, 1, 1, 0, 1),
            new ConvolutionCase(2, 26, 26, 22, 3, 1, 2, 2),
            new ConvolutionCase(2, 52, 52, 22, 3, 2, 1, 1),
            new ConvolutionCase(2, 104, 104, 16, 3, 1, 1, 1),
            new ConvolutionCase(2, 104, 26, 16, 1, 1, 0, 1),
            new ConvolutionCase(2, 3, 32, 32, 3, 2, 1, 1),
            new ConvolutionCase(2, 32, 32, 22, 3, 1, 1, 1));

    /** The one case every process re-checks after applying its mode (cheap, and fails on the faulty kernels). */
    static final List<ConvolutionCase> SENTINEL = List.of(BATTERY.get(2));

    private SelfCheck() {
    }

    /**
     * Checks {@code cases} on the engine.
     *
     * @param injectFault make the engine's results wrong on purpose (tests of the fallback on correct CPUs)
     */
    static List<CaseResult> run(List<ConvolutionCase> cases, boolean injectFault) {
        Random random = new Random(20201206);
        List<CaseResult> results = new ArrayList<>(cases.size());
        for (ConvolutionCase c : cases) {
            results.add(check(c, random, injectFault));
        }
        return results;
    }

    private static CaseResult check(ConvolutionCase c, Random random, boolean injectFault) {
        float[] input = gaussian(random, c.inputLength(), 1);
        float[] weight = gaussian(random, c.weightLength(), 1 / Math.sqrt(c.inChannels() * c.kernel() * c.kernel()));
        float[] outputGradient = gaussian(random, c.outputLength(),
                Math.sqrt((double) c.inChannels() / c.outChannels()));
        float[] output;
        float[] inputGradient;
        try (NDManager manager = NDManager.newBaseManager()) {
            NDArray x = manager.create(input, new Shape(c.batch(), c.inChannels(), c.size(), c.size()));
            NDArray w = manager.create(weight, new Shape(c.outChannels(), c.inChannels(), c.kernel(), c.kernel()));
            NDArray g = manager.create(outputGradient,
                    new Shape(c.batch(), c.outChannels(), c.outputSize(), c.outputSize()));
            x.setRequiresGradient(true);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray y = Conv2d.conv2d(x, w, null, new Shape(c.stride(), c.stride()),
                        new Shape(c.padding(), c.padding()), new Shape(c.dilation(), c.dilation()), 1).head();
                collector.backward(y.mul(g).sum());
                output = y.toFloatArray();
            }
            inputGradient = x.getGradient().toFloatArray();
        }
        if (injectFault) {
            output[output.length - 1] += 1;
            inputGradient[0] = Float.NaN;
        }
        return new CaseResult(c.describe(),
                maxError(output, ConvolutionReference.forward(c, input, weight)),
                maxError(inputGradient, ConvolutionReference.inputGradient(c, outputGradient, weight)));
    }

    /** The largest absolute difference; infinite when the engine gave a non-finite value. */
    static double maxError(float[] engine, double[] reference) {
        double max = 0;
        for (int i = 0; i < engine.length; i++) {
            double error = Math.abs(engine[i] - reference[i]);
            max = Double.isNaN(error) ? Double.POSITIVE_INFINITY : Math.max(max, error);
        }
        return max;
    }

    private static float[] gaussian(Random random, int n, double std) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextGaussian() * std);
        }
        return v;
    }

    /** One convolution's largest errors: forward output and input gradient. */
    public record CaseResult(String convolution, double forwardError, double inputGradientError) {

        public boolean passed() {
            return forwardError <= TOLERANCE && inputGradientError <= TOLERANCE;
        }
    }
}
