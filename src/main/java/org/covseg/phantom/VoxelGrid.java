package org.covseg.phantom;

import org.covseg.image.Affine;

/**
 * Where the voxels of a phantom sit, in millimetres: x from the image centre toward the patient's left (+i),
 * y from the image centre toward posterior (+j), z from the bottom face of the first slice upward (+k).
 * Voxel (i, j, k) is at index {@code i + width * (j + height * k)}, as in {@link org.covseg.image.Volume}.
 */
record VoxelGrid(int width, int height, int depth, double pixelMm, double sliceMm) {

    int sliceSize() {
        return width * height;
    }

    int voxelCount() {
        return Math.multiplyExact(sliceSize(), depth);
    }

    int index(int i, int j, int k) {
        return i + width * (j + height * k);
    }

    double x(int i) {
        return (i - (width - 1) / 2.0) * pixelMm;
    }

    double y(int j) {
        return (j - (height - 1) / 2.0) * pixelMm;
    }

    double z(int k) {
        return (k + 0.5) * sliceMm;
    }

    /** Height of the whole scanned slab in mm. */
    double extentZ() {
        return depth * sliceMm;
    }

    /** Field of view in-plane (the smaller side), in mm. */
    double fieldOfView() {
        return Math.min(width, height) * pixelMm;
    }

    /** First column whose x is at least {@code xMm}, clipped to the grid. */
    int firstI(double xMm) {
        return clamp((int) Math.ceil(xMm / pixelMm + (width - 1) / 2.0), width);
    }

    /** Last column whose x is at most {@code xMm}, clipped to the grid. */
    int lastI(double xMm) {
        return clamp((int) Math.floor(xMm / pixelMm + (width - 1) / 2.0), width);
    }

    int firstJ(double yMm) {
        return clamp((int) Math.ceil(yMm / pixelMm + (height - 1) / 2.0), height);
    }

    int lastJ(double yMm) {
        return clamp((int) Math.floor(yMm / pixelMm + (height - 1) / 2.0), height);
    }

    int firstK(double zMm) {
        return clamp((int) Math.ceil(zMm / sliceMm - 0.5), depth);
    }

    int lastK(double zMm) {
        return clamp((int) Math.floor(zMm / sliceMm - 0.5), depth);
    }

    private static int clamp(int v, int n) {
        return Math.max(0, Math.min(n - 1, v));
    }

    /** The affine of the canonical volume: voxel index to RAS+ mm, so world x = −x, y = −y, z = z. */
    Affine affine() {
        return Affine.ofRows(
                -pixelMm, 0, 0, (width - 1) / 2.0 * pixelMm,
                0, -pixelMm, 0, (height - 1) / 2.0 * pixelMm,
                0, 0, sliceMm, sliceMm / 2);
    }
}
