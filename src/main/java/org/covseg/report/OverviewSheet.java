package org.covseg.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Locale;
import org.covseg.image.Volume;
import org.covseg.image.Window;

/**
 * One picture of a whole volume and what covseg found in it, so that a reader sees at a glance that the lungs are
 * lungs and where the infection lies: {@value #COLUMNS}×{@value #ROWS} axial slices evenly spaced from the first
 * slice to the last (not only through the lungs: lung or infection found in the neck or the abdomen shows), and a
 * coronal view through the middle of the lungs, drawn to scale. Colours as {@link SliceOverlay}.
 */
public final class OverviewSheet {

    static final int COLUMNS = 4;
    static final int ROWS = 3;
    private static final int TILE = 256;
    private static final int CAPTION = 18;

    private OverviewSheet() {
    }

    /**
     * @param ct        the volume (HU or 8-bit lung-windowed grey levels)
     * @param lungs     0 outside, 1 right lung, 2 left lung
     * @param infection non-zero infected (with {@code classes}, 1 ground-glass opacity, 2 consolidation)
     */
    public static BufferedImage render(Volume ct, Volume lungs, Volume infection, boolean classes) {
        int row = middleRow(lungs);
        BufferedImage coronal = SliceOverlay.render(new KeySlice("coronal", Window.LUNG.apply(coronal(ct, row)),
                coronal(lungs, row), coronal(infection, row), classes));
        int width = COLUMNS * TILE;
        int coronalHeight = (int) Math.round((double) coronal.getHeight() * width / coronal.getWidth());
        BufferedImage sheet = new BufferedImage(width, ROWS * (TILE + CAPTION) + CAPTION + coronalHeight,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            int tiles = COLUMNS * ROWS;
            for (int t = 0; t < tiles; t++) {
                int k = (int) Math.round((double) t * (ct.depth() - 1) / (tiles - 1));
                BufferedImage axial = SliceOverlay.render(new KeySlice("", Window.LUNG.apply(ct.slice(k)),
                        lungs.slice(k), infection.slice(k), classes));
                int x = (t % COLUMNS) * TILE;
                int y = (t / COLUMNS) * (TILE + CAPTION);
                g.drawImage(axial, x, y + CAPTION, TILE, TILE, null);
                g.setColor(Color.WHITE);
                g.drawString(String.format(Locale.ROOT, "slice %d of %d%s", k + 1, ct.depth(),
                        t == 0 ? " (inferior)" : t == tiles - 1 ? " (superior)" : ""), x + 4, y + CAPTION - 4);
            }
            int y = ROWS * (TILE + CAPTION);
            g.drawString("coronal, through the middle of the lungs (superior at the top, patient's right on the left)",
                    4, y + CAPTION - 4);
            g.drawImage(coronal, 0, y + CAPTION, width, coronalHeight, null);
        } finally {
            g.dispose();
        }
        return sheet;
    }

    /** A rendered sheet, and the same encoded as PNG (the HTML report and overview.png use the bytes). */
    public record Sheet(BufferedImage image, byte[] png) {
    }

    /** The sheet of {@code ct}, rendered and encoded once. */
    public static Sheet of(Volume ct, Volume lungs, Volume infection, boolean classes) {
        BufferedImage image = render(ct, lungs, infection, classes);
        return new Sheet(image, EvaluationReport.png(image));
    }

    /**
     * The coronal plane of {@code v} at {@code row} (front to back), superior at the top, rows repeated so that its
     * pixels are square like the axial slices'. Read voxel by voxel: the volume is not copied.
     */
    static Volume coronal(Volume v, int row) {
        int w = v.width();
        int d = v.depth();
        double[] spacing = v.spacing();
        int height = Math.max(1, (int) Math.round(d * spacing[2] / spacing[0]));
        float[] plane = new float[w * height];
        for (int y = 0; y < height; y++) {
            int k = d - 1 - Math.min(d - 1, (int) ((long) y * d / height));
            for (int i = 0; i < w; i++) {
                plane[y * w + i] = v.get(i, row, k);
            }
        }
        return Volume.builder(w, height, 1).voxels(plane).spacing(spacing[0], spacing[0], 1)
                .unit(v.unit()).build();
    }

    /** The row halfway between the lungs' front and back (the middle row if there is no lung). */
    static int middleRow(Volume lungs) {
        int first = lungs.height();
        int last = -1;
        for (int k = 0; k < lungs.depth(); k++) {
            for (int j = 0; j < lungs.height(); j++) {
                for (int i = 0; i < lungs.width(); i++) {
                    if (lungs.get(i, j, k) != 0) {
                        first = Math.min(first, j);
                        last = Math.max(last, j);
                    }
                }
            }
        }
        return last < 0 ? lungs.height() / 2 : (first + last) / 2;
    }
}
