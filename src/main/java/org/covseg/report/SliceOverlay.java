package org.covseg.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.covseg.image.Volume;

/**
 * A CT slice with its masks drawn over it: right lung's contour blue, left lung's cyan (two pixels just inside each
 * lung), infection filled in semi-transparent red with a solid red contour; an infection mask with classes shows
 * ground-glass opacity in yellow and consolidation in magenta the same way. The slice is enlarged (masks by nearest
 * neighbour, so contours stay sharp) to about {@value #DISPLAY} pixels on its longer side.
 */
public final class SliceOverlay {

    static final int DISPLAY = 384;
    static final Color RIGHT_LUNG = new Color(40, 110, 255);
    static final Color LEFT_LUNG = new Color(0, 230, 230);
    static final Color INFECTION = new Color(255, 40, 40);
    static final Color GROUND_GLASS = new Color(255, 215, 0);
    static final Color CONSOLIDATION = new Color(230, 0, 230);
    private static final double INFECTION_ALPHA = 0.4;

    private SliceOverlay() {
    }

    public static BufferedImage render(KeySlice slice) {
        Volume grey = slice.grey();
        int w = grey.width();
        int h = grey.height();
        double scale = (double) DISPLAY / Math.max(w, h);
        int dw = Math.max(1, (int) Math.round(w * scale));
        int dh = Math.max(1, (int) Math.round(h * scale));
        BufferedImage out = new BufferedImage(dw, dh, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(Gallery.grey(grey), 0, 0, dw, dh, null);
        } finally {
            g.dispose();
        }
        float[] lungs = slice.lungs().toArray();
        float[] infection = slice.infection().toArray();
        List<boolean[]> areas = new ArrayList<>();
        List<Color> colours = slice.classes() ? List.of(GROUND_GLASS, CONSOLIDATION) : List.of(INFECTION);
        for (int c = 0; c < colours.size(); c++) {
            areas.add(nearest(infection, slice.classes() ? c + 1 : 0, w, h, dw, dh));
            blend(out, areas.get(c), colours.get(c), INFECTION_ALPHA);
        }
        paint(out, Gallery.innerRing(nearest(lungs, 1, w, h, dw, dh), dw, dh), RIGHT_LUNG);
        paint(out, Gallery.innerRing(nearest(lungs, 2, w, h, dw, dh), dw, dh), LEFT_LUNG);
        for (int c = 0; c < colours.size(); c++) {
            paint(out, Gallery.innerRing(areas.get(c), dw, dh), colours.get(c));
        }
        return out;
    }

    /**
     * At display size, whether the source pixel under each display pixel's centre has {@code label} (label 0:
     * any non-zero value).
     */
    private static boolean[] nearest(float[] values, int label, int w, int h, int dw, int dh) {
        boolean[] out = new boolean[dw * dh];
        for (int y = 0; y < dh; y++) {
            int sy = Math.min(h - 1, (int) ((y + 0.5) * h / dh));
            for (int x = 0; x < dw; x++) {
                int sx = Math.min(w - 1, (int) ((x + 0.5) * w / dw));
                float v = values[sy * w + sx];
                out[y * dw + x] = label == 0 ? v != 0 : v == label;
            }
        }
        return out;
    }

    private static void blend(BufferedImage image, boolean[] pixels, Color colour, double alpha) {
        int w = image.getWidth();
        for (int p = 0; p < pixels.length; p++) {
            if (pixels[p]) {
                int x = p % w;
                int y = p / w;
                Color under = new Color(image.getRGB(x, y));
                image.setRGB(x, y, new Color(mix(under.getRed(), colour.getRed(), alpha),
                        mix(under.getGreen(), colour.getGreen(), alpha),
                        mix(under.getBlue(), colour.getBlue(), alpha)).getRGB());
            }
        }
    }

    private static int mix(int under, int over, double alpha) {
        return (int) Math.round(under * (1 - alpha) + over * alpha);
    }

    private static void paint(BufferedImage image, boolean[] pixels, Color colour) {
        int w = image.getWidth();
        int rgb = colour.getRGB();
        for (int p = 0; p < pixels.length; p++) {
            if (pixels[p]) {
                image.setRGB(p % w, p / w, rgb);
            }
        }
    }
}
