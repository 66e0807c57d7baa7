package org.covseg.phantom;

import java.util.Arrays;

/** Convolution of a voxel array with a 1-D kernel along one axis of its grid, edges replicated. */
final class SeparableBlur {

    private SeparableBlur() {
    }

    /** A normalised Gaussian kernel of the given standard deviation in voxels (radius 3 sigma). */
    static float[] gaussian(double sigmaVoxels) {
        int radius = Math.max(1, (int) Math.ceil(3 * sigmaVoxels));
        float[] kernel = new float[2 * radius + 1];
        double sum = 0;
        for (int d = -radius; d <= radius; d++) {
            double w = Math.exp(-0.5 * d * d / (sigmaVoxels * sigmaVoxels));
            kernel[d + radius] = (float) w;
            sum += w;
        }
        for (int d = 0; d < kernel.length; d++) {
            kernel[d] /= (float) sum;
        }
        return kernel;
    }

    /** Convolves {@code data} in place along axis 0 (i), 1 (j) or 2 (k); the kernel has odd length. */
    static void along(float[] data, VoxelGrid g, int axis, float[] kernel) {
        if (axis == 0) {
            alongRows(data, g.width(), kernel);
        } else {
            int stride = axis == 1 ? g.width() : g.sliceSize();
            int length = axis == 1 ? g.height() : g.depth();
            alongColumns(data, stride, length, kernel);
        }
    }

    /** Along contiguous lines of the given length. */
    private static void alongRows(float[] data, int length, float[] kernel) {
        int radius = kernel.length / 2;
        float[] line = new float[length + 2 * radius];
        for (int start = 0; start < data.length; start += length) {
            System.arraycopy(data, start, line, radius, length);
            for (int p = 0; p < radius; p++) {
                line[p] = line[radius];
                line[radius + length + p] = line[radius + length - 1];
            }
            for (int p = 0; p < length; p++) {
                float sum = 0;
                for (int q = 0; q < kernel.length; q++) {
                    sum += kernel[q] * line[p + q];
                }
                data[start + p] = sum;
            }
        }
    }

    /**
     * Along an axis whose neighbours are {@code stride} apart: each block of {@code length} rows of {@code stride}
     * values becomes weighted sums of whole rows, so the inner loop runs over contiguous memory.
     */
    private static void alongColumns(float[] data, int stride, int length, float[] kernel) {
        int radius = kernel.length / 2;
        int block = stride * length;
        float[] source = new float[block];
        for (int start = 0; start < data.length; start += block) {
            System.arraycopy(data, start, source, 0, block);
            for (int row = 0; row < length; row++) {
                int out = start + row * stride;
                Arrays.fill(data, out, out + stride, 0f);
                for (int q = 0; q < kernel.length; q++) {
                    int from = Math.max(0, Math.min(length - 1, row + q - radius)) * stride;
                    float w = kernel[q];
                    for (int p = 0; p < stride; p++) {
                        data[out + p] += w * source[from + p];
                    }
                }
            }
        }
    }
}
