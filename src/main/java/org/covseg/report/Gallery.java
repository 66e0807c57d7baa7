package org.covseg.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.covseg.evaluation.Backgrounds;
import org.covseg.evaluation.ClassResult;
import org.covseg.evaluation.GalleryCase;
import org.covseg.evaluation.PredictionPair;
import org.covseg.image.MaskBoundary;
import org.covseg.image.Volume;

/**
 * A picture of one class's worst and best cases by Dice at the threshold, to see at a glance where a model fails.
 * Each case is two panels side by side under a caption (rank, name, Dice, pixel counts): the image with the ground
 * truth's contour (green, two pixels just outside the mask) and the prediction's contour at the threshold (red, two
 * pixels just inside);
 * then the probability map in colour with the ground truth's contour. The image is the CT slice when
 * {@link Backgrounds} has one for the case, else the probability map in grey. Two cases per row, worst first.
 */
public final class Gallery {

    static final int PANEL = 320;
    static final Color TRUTH = new Color(0, 230, 64);
    static final Color PREDICTION = new Color(255, 48, 48);

    static final int PANEL_GAP = 4;
    static final int CASE_GAP = 20;
    static final int MARGIN = 14;
    static final int CAPTION = 24;
    static final int HEADER = 62;
    private static final int CASES_PER_ROW = 2;
    private static final Color BACKGROUND = new Color(24, 24, 24);
    private static final Color TEXT = new Color(235, 235, 235);
    private static final Color WORST = new Color(255, 150, 130);
    private static final Color BEST = new Color(150, 230, 150);
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 16);
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    private Gallery() {
    }

    public static BufferedImage render(ClassResult result, double threshold, Backgrounds backgrounds) {
        List<Shown> shown = new ArrayList<>();
        for (int i = 0; i < result.worst().size(); i++) {
            shown.add(new Shown("worst " + (i + 1), WORST, result.worst().get(i)));
        }
        for (int i = 0; i < result.best().size(); i++) {
            shown.add(new Shown("best " + (i + 1), BEST, result.best().get(i)));
        }
        int caseWidth = 2 * PANEL + PANEL_GAP;
        int rows = (shown.size() + CASES_PER_ROW - 1) / CASES_PER_ROW;
        int width = 2 * MARGIN + CASES_PER_ROW * caseWidth + (CASES_PER_ROW - 1) * CASE_GAP;
        int height = HEADER + rows * (CAPTION + PANEL) + (rows - 1) * CASE_GAP + MARGIN;
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(BACKGROUND);
            g.fillRect(0, 0, width, height);
            header(g, result, threshold);
            for (int i = 0; i < shown.size(); i++) {
                int x = MARGIN + (i % CASES_PER_ROW) * (caseWidth + CASE_GAP);
                int y = HEADER + (i / CASES_PER_ROW) * (CAPTION + PANEL + CASE_GAP);
                drawCase(canvas, g, shown.get(i), x, y, threshold, backgrounds);
            }
        } finally {
            g.dispose();
        }
        return canvas;
    }

    private static void header(Graphics2D g, ClassResult result, double threshold) {
        String t = EvaluationTable.thresholdText(threshold);
        g.setFont(TITLE_FONT);
        g.setColor(TEXT);
        g.drawString(String.format(Locale.ROOT, "%s: the %d worst and %d best of %d images by Dice at p \u2265 %s",
                result.className(), result.worst().size(), result.best().size(), result.summary().images(), t),
                MARGIN, 24);
        g.setFont(FONT);
        int y = 48;
        int x = legend(g, TRUTH, "ground truth", MARGIN, y);
        x = legend(g, PREDICTION, "prediction (p \u2265 " + t + ")", x, y);
        g.setColor(TEXT);
        g.drawString("left: image with both contours   right: probability", x, y);
        x += g.getFontMetrics().stringWidth("left: image with both contours   right: probability") + 8;
        colourBar(g, x, y);
    }

    private static int legend(Graphics2D g, Color colour, String label, int x, int y) {
        g.setColor(colour);
        g.setStroke(new BasicStroke(3));
        g.drawLine(x, y - 5, x + 22, y - 5);
        g.setColor(TEXT);
        g.drawString(label, x + 28, y);
        return x + 28 + g.getFontMetrics().stringWidth(label) + 24;
    }

    private static void colourBar(Graphics2D g, int x, int y) {
        g.setColor(TEXT);
        g.drawString("0", x, y);
        int barX = x + g.getFontMetrics().stringWidth("0") + 6;
        int barWidth = 120;
        for (int i = 0; i < barWidth; i++) {
            g.setColor(new Color(ProbabilityColours.rgb(i / (barWidth - 1.0))));
            g.fillRect(barX + i, y - 11, 1, 12);
        }
        g.setColor(TEXT);
        g.drawString("1", barX + barWidth + 6, y);
    }

    private static void drawCase(BufferedImage canvas, Graphics2D g, Shown shown, int x, int y, double threshold,
                                 Backgrounds backgrounds) {
        PredictionPair pair = shown.item().pair();
        int w = pair.truth().width();
        int h = pair.truth().height();
        float[] probabilities = pair.prediction().probabilities();
        boolean[] truth = pair.truth().pixels();
        boolean[] predicted = pair.prediction().positives(threshold);

        g.setFont(FONT);
        g.setColor(shown.colour());
        g.drawString(shown.rank(), x, y + CAPTION - 8);
        g.setColor(TEXT);
        g.drawString(caption(shown.item()), x + g.getFontMetrics().stringWidth("worst 4") + 10,
                y + CAPTION - 8);

        double scale = Math.min((double) PANEL / w, (double) PANEL / h);
        int dw = Math.max(1, (int) Math.round(w * scale));
        int dh = Math.max(1, (int) Math.round(h * scale));
        int top = y + CAPTION + (PANEL - dh) / 2;
        int left = x + (PANEL - dw) / 2;
        int right = left + PANEL + PANEL_GAP;
        g.setColor(Color.BLACK);
        g.fillRect(x, y + CAPTION, PANEL, PANEL);
        g.fillRect(x + PANEL + PANEL_GAP, y + CAPTION, PANEL, PANEL);

        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        Optional<Volume> image = backgrounds.imageFor(pair.name());
        g.drawImage(image.map(Gallery::grey).orElseGet(() -> grey(probabilities, w, h)), left, top, dw, dh, null);
        g.drawImage(colours(probabilities, w, h), right, top, dw, dh, null);

        boolean[] truthContour = outerRing(nearest(truth, w, h, dw, dh), dw, dh);
        boolean[] predictedContour = innerRing(nearest(predicted, w, h, dw, dh), dw, dh);
        paint(canvas, truthContour, dw, left, top, TRUTH);
        paint(canvas, predictedContour, dw, left, top, PREDICTION);
        paint(canvas, truthContour, dw, right, top, TRUTH);
    }

    /** The two pixel rings just outside a mask. */
    private static boolean[] outerRing(boolean[] mask, int w, int h) {
        boolean[] first = MaskBoundary.outer(mask, w, h);
        return union(first, MaskBoundary.outer(union(mask, first), w, h));
    }

    /** The two pixel rings just inside a mask. */
    static boolean[] innerRing(boolean[] mask, int w, int h) {
        boolean[] first = MaskBoundary.inner(mask, w, h);
        boolean[] rest = mask.clone();
        for (int p = 0; p < rest.length; p++) {
            rest[p] &= !first[p];
        }
        return union(first, MaskBoundary.inner(rest, w, h));
    }

    private static boolean[] union(boolean[] a, boolean[] b) {
        boolean[] out = new boolean[a.length];
        for (int p = 0; p < a.length; p++) {
            out[p] = a[p] || b[p];
        }
        return out;
    }

    private static String caption(GalleryCase item) {
        long truthPixels = item.scores().confusion().actualPositives();
        long predictedPixels = item.scores().confusion().predictedPositives();
        return String.format(Locale.ROOT, "image %s  \u00b7  Dice %.3f  \u00b7  ground truth %,d px  \u00b7  predicted %,d px",
                item.pair().name(), item.dice(), truthPixels, predictedPixels);
    }

    /** An 8-bit grey image of 0..255 grey levels (clamped, rounded). */
    static BufferedImage grey(Volume image) {
        float[] v = image.toArray();
        BufferedImage out = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_BYTE_GRAY);
        int[] row = new int[image.width()];
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < row.length; x++) {
                row[x] = Math.round(Math.min(255f, Math.max(0f, v[y * row.length + x])));
            }
            out.getRaster().setSamples(0, y, row.length, 1, 0, row);
        }
        return out;
    }

    private static BufferedImage grey(float[] probabilities, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                row[x] = Math.round(probabilities[y * w + x] * 255);
            }
            out.getRaster().setSamples(0, y, w, 1, 0, row);
        }
        return out;
    }

    private static BufferedImage colours(float[] probabilities, int w, int h) {
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out.setRGB(x, y, ProbabilityColours.rgb(probabilities[y * w + x]));
            }
        }
        return out;
    }

    /** The mask sampled at display size, each display pixel taking the mask pixel under its centre. */
    private static boolean[] nearest(boolean[] mask, int w, int h, int dw, int dh) {
        boolean[] out = new boolean[dw * dh];
        for (int y = 0; y < dh; y++) {
            int sy = Math.min(h - 1, (int) ((y + 0.5) * h / dh));
            for (int x = 0; x < dw; x++) {
                int sx = Math.min(w - 1, (int) ((x + 0.5) * w / dw));
                out[y * dw + x] = mask[sy * w + sx];
            }
        }
        return out;
    }

    private static void paint(BufferedImage canvas, boolean[] pixels, int dw, int left, int top, Color colour) {
        int rgb = colour.getRGB();
        for (int p = 0; p < pixels.length; p++) {
            if (pixels[p]) {
                canvas.setRGB(left + p % dw, top + p / dw, rgb);
            }
        }
    }

    private record Shown(String rank, Color colour, GalleryCase item) {
    }
}
