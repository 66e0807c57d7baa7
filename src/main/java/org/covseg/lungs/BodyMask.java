package org.covseg.lungs;

import java.util.stream.IntStream;
import org.covseg.image.ConnectedComponents;
import org.covseg.image.HoleFilling;
import org.covseg.image.Voxels;

/**
 * The patient's body, slice by slice: everything but the air around the patient. In an image of the body
 * ({@link Framing#BODY}) that is the air, and the 0-valued padding outside a scanner's circular field of view
 * (darker still), that reaches the slice's border; in an image cropped to the lung box, the air that lies along the
 * border ({@link OutsideAir}). Of what remains, the largest 4-connected region of each slice is the body, which drops
 * the table, clothing and text burnt into the image. A body cut by the image border (a tight field of view) is still
 * one region.
 */
final class BodyMask {

    private BodyMask() {
    }

    static boolean[] of(Voxels hu, ScanGrid g, float airThresholdHu, Framing framing) {
        boolean[] body = new boolean[hu.length()];
        IntStream.range(0, g.depth()).parallel().forEach(k -> sliceBody(hu, airThresholdHu, framing, body, g, k));
        return body;
    }

    private static void sliceBody(Voxels hu, float airThresholdHu, Framing framing, boolean[] body, ScanGrid g,
            int k) {
        int base = k * g.sliceSize();
        boolean[] air = new boolean[g.sliceSize()];
        for (int p = 0; p < air.length; p++) {
            air[p] = hu.at(base + p) < airThresholdHu;
        }
        boolean[] outside = framing == Framing.LUNG_BOX ? OutsideAir.of(air, g.width(), g.height())
                : HoleFilling.connectedToBorder(air, g.width(), g.height(), 1);
        boolean[] inside = new boolean[air.length];
        for (int p = 0; p < air.length; p++) {
            inside[p] = !outside[p];
        }
        ConnectedComponents cc = ConnectedComponents.faceConnected(inside, g.width(), g.height(), 1);
        int largest = cc.largestLabel();
        for (int p = 0; p < inside.length; p++) {
            body[base + p] = largest != 0 && cc.label(p) == largest;
        }
    }
}
