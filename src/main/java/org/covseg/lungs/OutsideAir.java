package org.covseg.lungs;

import org.covseg.image.ConnectedComponents;
import org.covseg.image.HoleFilling;

/**
 * The air around the patient in one slice of an image cropped to the lung box ({@link Framing#LUNG_BOX}): the air
 * regions that lie along the slice's border. The lungs of such an image reach the border, but along a short
 * stretch of their outline (COVID-SemiSeg's 50 labelled slices: at most 18 %), so they stay inside; the corners
 * beyond the chest wall (there 60-66 %), or a ring of air, lie along it, with at least
 * {@value #MIN_BORDER_SHARE} of their outer outline on the border.
 *
 * <p>The outline is taken after the region's holes are filled: the vessels inside a lung would otherwise lengthen
 * it. Not for full images: there the air around the patient often meets the border only at the ends of a thin band
 * (between the back and the table, or behind a one-pixel frame), and would be taken for lung.
 */
final class OutsideAir {

    /** The share of a border-touching air region's outer outline on the border above which it is outside. */
    static final double MIN_BORDER_SHARE = 0.25;

    private OutsideAir() {
    }

    /** The outside air of a width x height slice, given its air. */
    static boolean[] of(boolean[] air, int width, int height) {
        ConnectedComponents regions = ConnectedComponents.faceConnected(air, width, height, 1);
        Box[] boxes = new Box[regions.count() + 1];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int label = regions.label(y * width + x);
                if (label != 0) {
                    boxes[label] = boxes[label] == null ? new Box(x, y) : boxes[label].with(x, y);
                }
            }
        }
        boolean[] outsideLabel = new boolean[boxes.length];
        for (int label = 1; label < boxes.length; label++) {
            Box b = boxes[label];
            outsideLabel[label] = b.touches(width, height) && liesAlongBorder(regions, label, b, width, height);
        }
        boolean[] outside = new boolean[air.length];
        for (int p = 0; p < air.length; p++) {
            outside[p] = outsideLabel[regions.label(p)];
        }
        return outside;
    }

    private static boolean liesAlongBorder(ConnectedComponents regions, int label, Box b, int width, int height) {
        int w = b.x1 - b.x0 + 1;
        int h = b.y1 - b.y0 + 1;
        boolean[] region = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                region[y * w + x] = regions.label((b.y0 + y) * width + b.x0 + x) == label;
            }
        }
        boolean[] filled = HoleFilling.fill(region, w, h, 1);
        long outline = 0;
        long onBorder = 0;
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!filled[y * w + x]) {
                    continue;
                }
                int ix = b.x0 + x;
                int iy = b.y0 + y;
                if (ix == 0 || iy == 0 || ix == width - 1 || iy == height - 1) {
                    onBorder++;
                    outline++;
                } else if (x == 0 || y == 0 || x == w - 1 || y == h - 1 || !filled[y * w + x - 1]
                        || !filled[y * w + x + 1] || !filled[(y - 1) * w + x] || !filled[(y + 1) * w + x]) {
                    outline++;
                }
            }
        }
        return onBorder >= MIN_BORDER_SHARE * outline;
    }

    /** A region's bounding box, inclusive. */
    private record Box(int x0, int y0, int x1, int y1) {
        Box(int x, int y) {
            this(x, y, x, y);
        }

        Box with(int x, int y) {
            return new Box(Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y));
        }

        boolean touches(int width, int height) {
            return x0 == 0 || y0 == 0 || x1 == width - 1 || y1 == height - 1;
        }
    }
}
