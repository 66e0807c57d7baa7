package org.covseg.lungs;

import org.covseg.image.FaceNeighbours;
import org.covseg.image.Volume;

/** The voxel grid of a scan being segmented: dimensions and spacing (mm) in canonical orientation. */
record ScanGrid(int width, int height, int depth, double[] spacing) {

    static ScanGrid of(Volume v) {
        return new ScanGrid(v.width(), v.height(), v.depth(), v.spacing());
    }

    int sliceSize() {
        return width * height;
    }

    FaceNeighbours neighbours() {
        return new FaceNeighbours(width, height, depth);
    }

    /** Area of one in-plane pixel, mm². */
    double pixelArea() {
        return spacing[0] * spacing[1];
    }
}
