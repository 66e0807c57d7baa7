package org.covseg.engine;

/**
 * One 2-D convolution of the self-check: batch × channels × size² input, square kernel, no groups, no bias. The
 * output has {@code outChannels} channels; the weight is {@code outChannels × inChannels × kernel²} (PyTorch's
 * layout).
 */
public record ConvolutionCase(int batch, int inChannels, int outChannels, int size, int kernel, int stride,
        int padding, int dilation) {

    public ConvolutionCase {
        if (batch < 1 || inChannels < 1 || outChannels < 1 || kernel < 1 || stride < 1 || padding < 0
                || dilation < 1 || outputSize(size, kernel, stride, padding, dilation) < 1) {
            throw new IllegalArgumentException("not a valid convolution: " + size + "² input, kernel " + kernel
                    + ", stride " + stride + ", padding " + padding + ", dilation " + dilation);
        }
    }

    /** The output's height and width. */
    public int outputSize() {
        return outputSize(size, kernel, stride, padding, dilation);
    }

    public int inputLength() {
        return batch * inChannels * size * size;
    }

    public int weightLength() {
        return outChannels * inChannels * kernel * kernel;
    }

    public int outputLength() {
        return batch * outChannels * outputSize() * outputSize();
    }

    /** E.g. "2x26x22x22 3x3/1 pad 1 -> 26". */
    public String describe() {
        return batch + "x" + inChannels + "x" + size + "x" + size + " " + kernel + "x" + kernel + "/" + stride
                + (padding > 0 ? " pad " + padding : "") + (dilation > 1 ? " dil " + dilation : "") + " -> "
                + outChannels;
    }

    private static int outputSize(int size, int kernel, int stride, int padding, int dilation) {
        return (size + 2 * padding - dilation * (kernel - 1) - 1) / stride + 1;
    }
}
