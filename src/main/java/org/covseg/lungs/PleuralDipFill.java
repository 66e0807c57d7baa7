package org.covseg.lungs;

import java.util.stream.IntStream;
import org.covseg.image.Morphology;
import org.covseg.image.Voxels;

/**
 * Gives back to the lungs the dense lesions that lie against the chest wall, which an air threshold leaves out:
 * a pleural consolidation is as dense as the wall it touches, so it shows only as a bite out of the lung's outline.
 *
 * <p>Slice by slice, the lungs' outline is seen from the body's centre ({@link LungOutline}): for each direction,
 * the distance of the outermost lung pixel. The costal surface of a lung is convex, so along it this profile is
 * smooth and a pleural lesion makes a dip in it; {@link DipBridges} finds the dips and how far to bridge them, and
 * the non-lung, non-bone pixels under a bridge that connect to the lung are given to it. Lesions wider than the
 * dips bridged, such as a whole consolidated lobe, are not recovered this way; passing the network's infection
 * mask to {@link LungSegmenter} brings them back.
 */
final class PleuralDipFill {

    /** Consolidation reaches about +50 HU; ribs and vertebrae are denser, and never lung. */
    static final float MAX_FILL_HU = 120;
    /** Dips shallower than this many pixels are outline noise. */
    private static final double MIN_DEPTH_PIXELS = 2;
    /**
     * The bridge runs through the centres of the rims' outermost lung pixels; the lung reaches about half a pixel
     * beyond, and the bridge itself is good to about a pixel.
     */
    private static final double BRIDGE_MARGIN_PIXELS = 1;
    /** Parts of a fill narrower than this are spokes of single direction bins, not lesions. */
    private static final double MIN_WIDTH_PIXELS = 3;

    private PleuralDipFill() {
    }

    /** Adds the bridged dips of every slice to {@code lungs} (0, 1 right, 2 left). */
    static void apply(byte[] lungs, Voxels hu, boolean[] body, ScanGrid g) {
        IntStream.range(0, g.depth()).parallel().forEach(k -> fillSlice(lungs, hu, body, g, k));
    }

    private static void fillSlice(byte[] lungs, Voxels hu, boolean[] body, ScanGrid g, int k) {
        int base = k * g.sliceSize();
        boolean anyLung = false;
        for (int p = base; p < base + g.sliceSize() && !anyLung; p++) {
            anyLung = lungs[p] != 0;
        }
        if (!anyLung) {
            return;
        }
        BodyCentre centre = BodyCentre.ofSlice(body, g, k);
        VoxelBox box = VoxelBox.around(p -> body[p] || lungs[p] != 0, g, k, k + 1, 0);
        LungOutline outline = new LungOutline(g, box, centre.i(), centre.j(), lungs, body, hu);
        double pixel = Math.min(g.spacing()[0], g.spacing()[1]);
        DipBridges bridges = new DipBridges(outline, RibCage.reach(outline), MIN_DEPTH_PIXELS * pixel, pixel);
        double margin = BRIDGE_MARGIN_PIXELS * pixel;
        byte[] candidate = new byte[g.sliceSize()];
        box.forEach(g, (p, q) -> {
            if (lungs[p] == 0 && body[p] && hu.at(p) < MAX_FILL_HU) {
                int b = outline.binAt(q);
                double r = outline.radiusAt(q);
                if (r > bridges.lower[b] && r <= bridges.upper[b] + margin) {
                    candidate[p - base] = bridges.side[b];
                }
            }
        });
        dropThinParts(candidate, g);
        growInto(lungs, base, candidate, g.width(), g.height());
    }

    /**
     * Removes from the candidates, lung by lung, the parts narrower than {@value #MIN_WIDTH_PIXELS} pixels: a
     * single direction bin whose outermost lung pixel happens to lie deep makes a thin spoke, not a lesion.
     */
    private static void dropThinParts(byte[] candidate, ScanGrid g) {
        double pixel = Math.min(g.spacing()[0], g.spacing()[1]);
        double radius = MIN_WIDTH_PIXELS / 2 * pixel;
        ScanGrid slice = new ScanGrid(g.width(), g.height(), 1, g.spacing());
        for (byte side : new byte[] {LungSegmenter.RIGHT, LungSegmenter.LEFT}) {
            VoxelBox box = VoxelBox.around(p -> candidate[p] == side, slice, 0, 1, (int) Math.ceil(radius / pixel) + 1);
            if (box == null) {
                continue;
            }
            boolean[] mine = box.crop(p -> candidate[p] == side, slice);
            boolean[] kept = Morphology.openInPlane(mine, box.width, box.height, 1, g.spacing(), radius);
            box.forEach(slice, (p, q) -> {
                if (mine[q] && !kept[q]) {
                    candidate[p] = 0;
                }
            });
        }
    }

    /** Adds to each lung the candidate pixels of its side that are 4-connected to it. */
    private static void growInto(byte[] lungs, int base, byte[] candidate, int w, int h) {
        int[] queue = new int[candidate.length];
        int tail = 0;
        for (int p = 0; p < candidate.length; p++) {
            if (lungs[base + p] != 0) {
                queue[tail++] = p;
            }
        }
        for (int head = 0; head < tail; head++) {
            int p = queue[head];
            byte side = lungs[base + p];
            int i = p % w;
            int j = p / w;
            int[] around = {i > 0 ? p - 1 : -1, i < w - 1 ? p + 1 : -1, j > 0 ? p - w : -1, j < h - 1 ? p + w : -1};
            for (int q : around) {
                if (q >= 0 && candidate[q] == side && lungs[base + q] == 0) {
                    lungs[base + q] = side;
                    queue[tail++] = q;
                }
            }
        }
    }
}
