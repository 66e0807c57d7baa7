package org.covseg.severity;

import java.util.stream.IntStream;
import org.covseg.image.ConnectedComponents;
import org.covseg.image.HoleFilling;

/**
 * The patient's body, slice by slice: everything but the air around the patient. Air (and the 0-valued padding
 * outside a scanner's circular field of view, darker still) that reaches a slice's border is outside; of what
 * remains, the largest 4-connected region of each slice is the body, which drops the table, clothing and text
 * burnt into the image. A body cut by the image border (a tight field of view) is still one region.
 */
final class BodyMask {

    private BodyMask() {
    }

    static boolean[] of(float[] hu, ScanGrid g, float airThresholdHu) {
        boolean[] air = new boolean[hu.length];
        for (int p = 0; p < hu.length; p++) {
            air[p] = hu[p] < airThresholdHu;
        }
        boolean[] outside = HoleFilling.connectedToBorder(air, g.width(), g.height(), g.depth());
        boolean[] body = new boolean[hu.length];
        IntStream.range(0, g.depth()).parallel().forEach(k -> largestInside(outside, body, g, k));
        return body;
    }

    private static void largestInside(boolean[] outside, boolean[] body, ScanGrid g, int k) {
        int base = k * g.sliceSize();
        boolean[] inside = new boolean[g.sliceSize()];
        for (int p = 0; p < inside.length; p++) {
            inside[p] = !outside[base + p];
        }
        ConnectedComponents cc = ConnectedComponents.faceConnected(inside, g.width(), g.height(), 1);
        int largest = cc.largestLabel();
        for (int p = 0; p < inside.length; p++) {
            body[base + p] = largest != 0 && cc.label(p) == largest;
        }
    }
}
