package org.covseg.io;

import java.awt.image.IndexColorModel;

/**
 * The colours of the palette PNGs covseg writes for label maps. Readers use the indices, never these colours,
 * so files with other palettes (Inf-Net's multi-class maps use the PASCAL VOC one) read the same.
 *
 * <table>
 *   <caption>colour table</caption>
 *   <tr><th>index</th><th>meaning</th><th>colour (R, G, B)</th></tr>
 *   <tr><td>0</td><td>background</td><td>black (0, 0, 0)</td></tr>
 *   <tr><td>1</td><td>infection / ground-glass opacity</td><td>yellow (255, 255, 0)</td></tr>
 *   <tr><td>2</td><td>consolidation</td><td>red (255, 0, 0)</td></tr>
 *   <tr><td>3..255</td><td>other labels</td><td>grey (i, i, i)</td></tr>
 * </table>
 */
public final class LabelPalette {

    private static final int[][] NAMED = {{0, 0, 0}, {255, 255, 0}, {255, 0, 0}};

    private LabelPalette() {
    }

    /** Colour of a label as 0xRRGGBB. */
    public static int rgb(int label) {
        if (label < 0 || label > 255) {
            throw new IllegalArgumentException("palette labels are 0..255, got " + label);
        }
        int[] c = label < NAMED.length ? NAMED[label] : new int[] {label, label, label};
        return (c[0] << 16) | (c[1] << 8) | c[2];
    }

    static IndexColorModel colorModel() {
        byte[] r = new byte[256];
        byte[] g = new byte[256];
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            int c = rgb(i);
            r[i] = (byte) (c >> 16);
            g[i] = (byte) (c >> 8);
            b[i] = (byte) c;
        }
        return new IndexColorModel(8, 256, r, g, b);
    }
}
