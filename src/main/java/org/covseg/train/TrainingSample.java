package org.covseg.train;

/**
 * One slice as a batch holds it: the network input (3 channel planes, normalised) and the mask and edge planes,
 * all {@code size x size}, row-major.
 */
public record TrainingSample(int size, float[] image, float[] mask, float[] edge) {

    public TrainingSample {
        int plane = size * size;
        if (image.length != 3 * plane || mask.length != plane || edge.length != plane) {
            throw new IllegalArgumentException("a " + size + "x" + size + " sample needs 3 image planes and one mask "
                    + "and edge plane, got " + image.length + ", " + mask.length + " and " + edge.length + " values");
        }
    }
}
