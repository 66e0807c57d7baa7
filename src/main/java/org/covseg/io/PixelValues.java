package org.covseg.io;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.nio.file.Path;
import org.covseg.CovsegException;

/** The pixel values of a decoded image, row by row, as grey intensities or as labels. */
final class PixelValues {

    private PixelValues() {
    }

    /**
     * Grey levels 0..255. Grey images give their samples (scaled to 0..255 when not 8-bit, e.g. 16-bit / 257);
     * palette images give the grey of each pixel's palette colour; colour images give the colour's grey:
     * the shared value where R = G = B, else the luminance 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601, as PIL's
     * "L" mode). Alpha is ignored.
     */
    static float[] intensities(BufferedImage image, Path file) {
        ColorModel cm = image.getColorModel();
        if (cm instanceof IndexColorModel palette) {
            int[] greyOfIndex = new int[palette.getMapSize()];
            for (int i = 0; i < greyOfIndex.length; i++) {
                greyOfIndex[i] = palette.getRGB(i);
            }
            float[] out = samples(image, file);
            for (int p = 0; p < out.length; p++) {
                out[p] = grey(greyOfIndex[(int) out[p]]);
            }
            return out;
        }
        if (cm.getNumColorComponents() == 1) {
            float[] out = samples(image, file);
            int bits = cm.getComponentSize(0);
            if (bits != 8) {
                float scale = 255f / ((1 << bits) - 1);
                for (int p = 0; p < out.length; p++) {
                    out[p] *= scale;
                }
            }
            return out;
        }
        int[] argb = argb(image);
        float[] out = new float[argb.length];
        for (int p = 0; p < argb.length; p++) {
            out[p] = grey(argb[p]);
        }
        return out;
    }

    /**
     * Labels: palette images give their indices (not colours), grey images their raw samples, colour images
     * their grey value when every pixel has R = G = B. Other colour images are refused: a label map must be
     * stored as grey or palette levels.
     */
    static float[] labels(BufferedImage image, Path file) {
        ColorModel cm = image.getColorModel();
        if (cm instanceof IndexColorModel || cm.getNumColorComponents() == 1) {
            return samples(image, file);
        }
        int[] argb = argb(image);
        float[] out = new float[argb.length];
        for (int p = 0; p < argb.length; p++) {
            int r = (argb[p] >> 16) & 0xff;
            if (r != ((argb[p] >> 8) & 0xff) || r != (argb[p] & 0xff)) {
                throw new CovsegException(file + " is a colour image; a label map or mask must be stored as grey"
                        + " levels or palette indices");
            }
            out[p] = r;
        }
        return out;
    }

    private static float[] samples(BufferedImage image, Path file) {
        Raster raster = image.getRaster();
        int type = raster.getDataBuffer().getDataType();
        if (type != DataBuffer.TYPE_BYTE && type != DataBuffer.TYPE_USHORT) {
            throw new CovsegException(file + " holds signed or 32/64-bit samples; only unsigned 1- to 16-bit images"
                    + " are supported (give Hounsfield-unit data as NIfTI or DICOM)");
        }
        int w = image.getWidth();
        int h = image.getHeight();
        int[] row = new int[w];
        float[] out = new float[w * h];
        for (int y = 0; y < h; y++) {
            raster.getSamples(0, y, w, 1, 0, row);
            for (int x = 0; x < w; x++) {
                out[y * w + x] = row[x];
            }
        }
        return out;
    }

    private static int[] argb(BufferedImage image) {
        int w = image.getWidth();
        return image.getRGB(0, 0, w, image.getHeight(), null, 0, w);
    }

    private static float grey(int argb) {
        int r = (argb >> 16) & 0xff;
        int g = (argb >> 8) & 0xff;
        int b = argb & 0xff;
        if (r == g && g == b) {
            return r;
        }
        return 0.299f * r + 0.587f * g + 0.114f * b;
    }
}
