package org.covseg.pretrain;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.covseg.io.AtomicFiles;
import org.covseg.model.ModelSpec;
import org.covseg.train.Batch;

/**
 * A PNG sheet showing what the inpainter is given and what it makes of it: one row per slice, columns input, mask
 * (white = kept, black = erased), masked input and reconstruction (the segmentation output: Inf-Net's map2).
 */
public final class InpaintingSheet {

    private static final String[] COLUMNS = {"input", "mask", "masked input", "reconstruction"};
    private static final int HEADER = 18;
    private static final int GAP = 4;

    private InpaintingSheet() {
    }

    /** Draws the slices {@code indices} of {@code set}, masked as in {@code epoch}. */
    public static void write(Path file, InpaintingSet set, int epoch, int[] indices, Block inpainter,
            InpaintingObjective objective, NDManager manager, ModelSpec spec) throws IOException {
        int size = set.imageSize();
        int plane = size * size;
        float[] images;
        float[] masks;
        float[] reconstructions;
        try (NDManager sheet = manager.newSubManager()) {
            Batch batch = set.forEpoch(epoch).load(sheet, indices);
            NDList outputs = inpainter.forward(new ParameterStore(sheet, false),
                    objective.input(batch), false);
            images = batch.images().get(":, 0:1").toFloatArray();
            masks = batch.masks().toFloatArray();
            reconstructions = objective.probability(outputs).toFloatArray();
        }
        int cell = size + GAP;
        BufferedImage canvas = new BufferedImage(COLUMNS.length * cell, HEADER + indices.length * cell,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        g.setColor(Color.WHITE);
        for (int c = 0; c < COLUMNS.length; c++) {
            g.drawString(COLUMNS[c], c * cell + 4, HEADER - 5);
        }
        g.dispose();
        for (int row = 0; row < indices.length; row++) {
            int top = HEADER + row * cell;
            for (int p = 0; p < plane; p++) {
                int x = p % size;
                int y = p / size;
                float keep = masks[row * plane + p];
                float image = images[row * plane + p];
                int[] values = {grey(image, spec), Math.round(255 * keep), grey(image * keep, spec),
                        grey(reconstructions[row * plane + p], spec)};
                for (int c = 0; c < values.length; c++) {
                    int v = values[c];
                    canvas.setRGB(c * cell + x, top + y, v << 16 | v << 8 | v);
                }
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(canvas, "png", png);
        AtomicFiles.write(file, out -> out.write(png.toByteArray()));
    }

    /** First-channel normalised value → 8-bit grey. */
    private static int grey(float normalised, ModelSpec spec) {
        double value = (normalised * spec.std()[0] + spec.mean()[0]) * 255;
        return (int) Math.max(0, Math.min(255, Math.round(value)));
    }
}
