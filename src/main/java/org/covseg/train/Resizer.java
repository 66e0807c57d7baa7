package org.covseg.train;

import ai.djl.ndarray.NDArray;

/**
 * Resizes an N×C×H×W batch for multi-scale training. The official Inf-Net code resizes images, masks and edge maps
 * with bilinear interpolation, {@code align_corners=True}, no antialiasing; DJL's own interpolation antialiases, so
 * plug in an exact implementation (reference.md §6).
 */
@FunctionalInterface
public interface Resizer {

    NDArray resize(NDArray batch, int height, int width);
}
