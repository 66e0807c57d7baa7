package org.covseg.train;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.covseg.data.LabeledSlice;
import org.covseg.data.augment.Augmentation;
import org.covseg.data.augment.SlicePlanes;
import org.covseg.image.MaskBoundary;
import org.covseg.io.AtomicFiles;
import org.covseg.model.ModelSpec;

/**
 * A PNG sheet to check augmentation by eye: one row per slice, the prepared slice first, then the slice as training
 * epochs 1, 2, … would see it with the given seed (the very samples {@link AugmentedTrainingSet} makes). Each panel
 * shows the network input's grey levels (a cutout shows as the flat mean grey) with the mask's contour (mask ≥ 0.5)
 * in red and the edge map (≥ 0.5) in green, so a misaligned label shows at once.
 */
public final class AugmentationPreview {

    private static final int GAP = 6;
    private static final int CAPTION = 22;
    private static final int MASK_RGB = new Color(255, 50, 50).getRGB();
    private static final int EDGE_RGB = new Color(40, 230, 40).getRGB();
    private static final Color TEXT = new Color(230, 230, 230);

    private AugmentationPreview() {
    }

    /**
     * Writes the sheet for {@code count} slices spread evenly through {@code slices} (all of them if fewer), each
     * with {@code versions} augmented versions, prepared at {@code size} px as training prepares them for {@code spec}.
     */
    public static void write(Path png, List<LabeledSlice> slices, ModelSpec spec, int size, Augmentation augmentation,
            long seed, int count, int versions) throws IOException {
        int rows = Math.min(count, slices.size());
        List<LabeledSlice> chosen = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            chosen.add(slices.get((int) ((long) r * slices.size() / rows)));
        }
        SliceTrainingSet prepared = new SliceTrainingSet(chosen, spec, size);
        AugmentedTrainingSet[] epochs = new AugmentedTrainingSet[versions];
        for (int v = 0; v < versions; v++) {
            epochs[v] = new AugmentedTrainingSet(prepared, augmentation, seed, v + 1);
        }
        int cell = size + GAP;
        BufferedImage sheet = new BufferedImage(GAP + (versions + 1) * cell, CAPTION + rows * (CAPTION + cell),
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            g.setColor(TEXT);
            g.drawString("augmentation: " + augmentation.describe() + " · seed " + seed
                    + " · red: mask contour · green: edge map", GAP, CAPTION - 7);
            for (int r = 0; r < rows; r++) {
                int top = CAPTION + r * (CAPTION + cell);
                g.setColor(TEXT);
                g.drawString(chosen.get(r).name() + ": prepared, then epochs 1–" + versions, GAP, top + CAPTION - 6);
                draw(sheet, prepared.planes(r), GAP, top + CAPTION);
                for (int v = 0; v < versions; v++) {
                    TrainingSample s = epochs[v].sample(r);
                    float[] grey = prepared.greyOfFirstChannel(s.image());
                    draw(sheet, new SlicePlanes(size, grey, s.mask(), s.edge()), GAP + (v + 1) * cell, top + CAPTION);
                }
            }
        } finally {
            g.dispose();
        }
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(sheet, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    private static void draw(BufferedImage sheet, SlicePlanes planes, int left, int top) {
        int size = planes.size();
        float[] grey = planes.grey();
        boolean[] contour = MaskBoundary.inner(atLeastHalf(planes.mask()), size, size);
        boolean[] edge = atLeastHalf(planes.edge());
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                int p = y * size + x;
                int level = Math.round(Math.min(255f, Math.max(0f, grey[p])));
                int rgb = contour[p] ? MASK_RGB : edge[p] ? EDGE_RGB : level << 16 | level << 8 | level;
                sheet.setRGB(left + x, top + y, rgb);
            }
        }
    }

    private static boolean[] atLeastHalf(float[] plane) {
        boolean[] out = new boolean[plane.length];
        for (int p = 0; p < plane.length; p++) {
            out[p] = plane[p] >= 0.5f;
        }
        return out;
    }
}
