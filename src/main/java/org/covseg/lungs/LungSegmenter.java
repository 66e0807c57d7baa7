package org.covseg.lungs;

import java.util.Optional;
import org.covseg.CovsegException;
import org.covseg.image.HoleFilling;
import org.covseg.image.Morphology;
import org.covseg.image.Volume;
import org.covseg.image.Voxels;

/**
 * A classical (not learned) segmentation of both lungs of a chest CT, as the lung mask severity is measured
 * against: 0 outside the lungs, 1 right lung, 2 left lung (see {@link LungSide}), on the scan's own grid in the
 * canonical orientation of {@link Volume}. A 2-D slice is a depth-1 volume.
 *
 * <p>Steps, each in its own class:
 * <ol>
 *   <li>{@link HounsfieldUnits}: HU are used as they are; 8-bit lung-windowed grey levels are mapped back to HU
 *       through the lung window, so one set of thresholds serves both.</li>
 *   <li>{@link BodyMask}: air below {@value #AIR_THRESHOLD_HU} HU reaching a slice's border is outside the
 *       patient, as is the dark padding outside a circular field of view (of an image cropped to the lung box,
 *       {@link Framing#LUNG_BOX}, only the air lying along the border); the body is the largest remaining region
 *       of each slice.</li>
 *   <li>Air inside the body is the lung candidate; {@link Airways} removes the trachea and main bronchi of a
 *       volume (found from the top of the scan by explosion-controlled region growing).</li>
 *   <li>{@link LungComponents}: the large 3-D components of that air are the lungs, labelled by the side of the
 *       body's midline they lie on; lungs that touch are split by their cores, and {@link JunctionCut} draws the
 *       line between them along the pleural junction (or the midline where none is seen).</li>
 *   <li>Holes in each lung are filled, slice by slice: vessels, airways and lesions surrounded by lung.</li>
 *   <li>{@link PleuralDipFill}: dense lesions against the chest wall, which bite into the lung's outline, are
 *       bridged over and given back to the lung; then a small closing fills the bays that hilar vessels cut.</li>
 *   <li>With an infection mask (for example the network's), {@link InfectionUnion} adds each lesion touching a
 *       lung to that lung; then holes are filled once more.</li>
 * </ol>
 * What this cannot do: consolidation wider than the dips it bridges (a whole consolidated lower lobe), or
 * filling a lung's whole thickness beside the heart or the diaphragm, stays outside unless the infection mask is
 * given; a main bronchus that merges with lung air within a single slice stays inside it.
 * Costs are linear in the number of voxels, and slices are processed in parallel.
 */
public final class LungSegmenter implements LungMasks {

    /** Lung parenchyma, even hazy, is below this; soft tissue and consolidation are above. */
    public static final float AIR_THRESHOLD_HU = -400;

    /** Radius of the disc closing the bays that vessels and bronchi cut into a lung at the hilum. */
    static final double VESSEL_BAY_MM = 5;

    static final byte RIGHT = (byte) LungSide.RIGHT.label();
    static final byte LEFT = (byte) LungSide.LEFT.label();

    private final Framing framing;

    /** For images of the body ({@link Framing#BODY}). */
    public LungSegmenter() {
        this(Framing.BODY);
    }

    public LungSegmenter(Framing framing) {
        this.framing = framing;
    }

    @Override
    public Framing framing() {
        return framing;
    }

    /** The lungs of {@code ct} (HU, or 8-bit lung-windowed grey levels). */
    public Volume segment(Volume ct) {
        return segment(ct, Optional.empty());
    }

    /**
     * The lungs of {@code ct}, with every lesion of {@code infection} (non-zero voxels, on the same grid) that
     * touches a lung made part of it.
     *
     * @throws CovsegException when the scan is not a CT image, the infection mask has another grid, or no lung
     *                         is found
     */
    @Override
    public Volume segment(Volume ct, Optional<Volume> infection) {
        ScanGrid g = ScanGrid.of(ct);
        infection.ifPresent(mask -> requireSameGrid(ct, mask));
        byte[] lungs = beforeInfection(ct, g);
        if (infection.isPresent()) {
            InfectionUnion.apply(lungs, infection.get().above(0), g);
        }
        fillHoles(lungs, g);
        return toVolume(ct, lungs);
    }

    /** Steps 1 to 6 now; with the infection mask, the rest for both masks, which share those steps. */
    @Override
    public Started start(Volume ct) {
        ScanGrid g = ScanGrid.of(ct);
        return new StartedOnCt(ct, g, beforeInfection(ct, g));
    }

    private static final class StartedOnCt implements Started {
        private final Volume ct;
        private final ScanGrid g;
        private byte[] beforeInfection;

        StartedOnCt(Volume ct, ScanGrid g, byte[] beforeInfection) {
            this.ct = ct;
            this.g = g;
            this.beforeInfection = beforeInfection;
        }

        @Override
        public Found withAndWithout(Volume infection) {
            if (beforeInfection == null) {
                throw new IllegalStateException("this lung segmentation was already given its infection mask");
            }
            requireSameGrid(ct, infection);
            byte[] lungs = beforeInfection;
            beforeInfection = null;
            byte[] without = lungs.clone();
            fillHoles(without, g);
            InfectionUnion.apply(lungs, infection.above(0), g);
            fillHoles(lungs, g);
            return new Found(toVolume(ct, lungs), toVolume(ct, without));
        }
    }

    /** Steps 1 to 6: the lungs found on the CT alone, before the infection mask and the last hole filling. */
    private byte[] beforeInfection(Volume ct, ScanGrid g) {
        Voxels hu = HounsfieldUnits.of(ct);
        boolean[] body = BodyMask.of(hu, g, AIR_THRESHOLD_HU, framing);
        byte[] lungs = LungComponents.label(airBesidesAirways(hu, body, g), BodyCentre.of(body, g), g);
        JunctionCut.apply(lungs, hu, body, g);
        fillHoles(lungs, g);
        PleuralDipFill.apply(lungs, hu, body, g);
        closeVesselBays(lungs, hu, body, g);
        return lungs;
    }

    /** The air inside the body but not in the trachea and main bronchi; the airway mask goes with this call. */
    private static boolean[] airBesidesAirways(Voxels hu, boolean[] body, ScanGrid g) {
        boolean[] air = new boolean[hu.length()];
        for (int p = 0; p < hu.length(); p++) {
            air[p] = body[p] && hu.at(p) < AIR_THRESHOLD_HU;
        }
        boolean[] airway = Airways.find(hu, air, body, g, AIR_THRESHOLD_HU);
        for (int p = 0; p < air.length; p++) {
            air[p] &= !airway[p];
        }
        return air;
    }

    private static void fillHoles(byte[] lungs, ScanGrid g) {
        for (byte side : new byte[] {RIGHT, LEFT}) {
            HoleFilling.fillLabel(lungs, side, g.width(), g.height(), g.depth());
        }
    }

    /**
     * Per lung and slice, a closing with a small disc: vessels and bronchi entering a lung from the hilum cut
     * narrow bays into its outline that hole filling cannot reach.
     */
    private static void closeVesselBays(byte[] lungs, Voxels hu, boolean[] body, ScanGrid g) {
        int margin = (int) Math.ceil(VESSEL_BAY_MM / Math.min(g.spacing()[0], g.spacing()[1])) + 1;
        for (byte side : new byte[] {RIGHT, LEFT}) {
            VoxelBox box = VoxelBox.around(p -> lungs[p] == side, g, 0, g.depth(), margin);
            if (box == null) {
                continue;
            }
            boolean[] closed = Morphology.closeInPlane(box.crop(p -> lungs[p] == side, g), box.width, box.height,
                    box.depth, g.spacing(), VESSEL_BAY_MM);
            box.forEach(g, (p, q) -> {
                if (closed[q] && lungs[p] == 0 && body[p] && hu.at(p) < PleuralDipFill.MAX_FILL_HU) {
                    lungs[p] = side;
                }
            });
        }
    }

    private static Volume toVolume(Volume ct, byte[] lungs) {
        boolean any = false;
        for (int p = 0; p < lungs.length && !any; p++) {
            any = lungs[p] != 0;
        }
        if (!any) {
            throw new CovsegException("no lung found in " + HounsfieldUnits.describe(ct) + ": no large air region"
                    + " below " + AIR_THRESHOLD_HU + " HU inside the body; is it a chest CT in Hounsfield units or"
                    + " an 8-bit image in the lung window (level -600, width 1500)?");
        }
        return ct.withLabels(lungs);
    }

    private static void requireSameGrid(Volume ct, Volume mask) {
        if (mask.width() != ct.width() || mask.height() != ct.height() || mask.depth() != ct.depth()) {
            throw new CovsegException("the infection mask is " + mask.width() + "x" + mask.height() + "x"
                    + mask.depth() + " voxels but the scan " + HounsfieldUnits.describe(ct) + " is " + ct.width()
                    + "x" + ct.height() + "x" + ct.depth() + "; both must come from the same scan grid");
        }
    }
}
