package org.covseg.lungs;

import org.covseg.CovsegException;
import org.covseg.image.Volume;

/**
 * The framing of a 2-D image, guessed by reading it both ways. Read as an image of the body ({@link Framing#BODY}),
 * an image cropped to the lungs' box loses most of its lungs to the "air outside the body", since they reach its
 * border; read as cropped ({@link Framing#LUNG_BOX}) it keeps them. So an image is taken as cropped when the cropped
 * reading finds at least {@value #MIN_GAIN} times the lung area. Measured: on the 52 MedSeg 512x512 images (full
 * field of view) the cropped reading finds at most 1.29 times the area (air between the back and the table taken for
 * lung), on the 50 COVID-SemiSeg slices at least 1.77 times, but for the one whose lungs do not reach the border
 * (1.00), where both readings agree.
 */
public final class FramingGuess {

    public static final double MIN_GAIN = 1.5;

    /**
     * The lungs each reading finds.
     *
     * @param asBody    the lungs read as an image of the body, or null when none are found
     * @param asCropped the lungs' voxel count read as cropped to the lungs
     */
    public record Readings(Volume asBody, long asCropped) {

        /** Whether the image looks cropped to the lungs' box. */
        public boolean looksCropped() {
            return FramingGuess.looksCropped(asBody == null ? 0 : asBody.nonZeroCount(), asCropped);
        }
    }

    private static final LungSegmenter AS_BODY = new LungSegmenter(Framing.BODY);
    private static final LungSegmenter AS_CROPPED = new LungSegmenter(Framing.LUNG_BOX);

    private FramingGuess() {
    }

    /** Both readings of a 2-D image (HU or 8-bit lung-windowed grey levels). */
    public static Readings of(Volume image) {
        Volume asBody;
        try {
            asBody = AS_BODY.segment(image);
        } catch (CovsegException noLung) {
            asBody = null;
        }
        long asCropped;
        try {
            asCropped = AS_CROPPED.segment(image).nonZeroCount();
        } catch (CovsegException noLung) {
            asCropped = 0;
        }
        return new Readings(asBody, asCropped);
    }

    /** Whether {@code asCropped} lung voxels, against {@code asBody} read as an image of the body, say "cropped". */
    public static boolean looksCropped(long asBody, long asCropped) {
        return asCropped > 0 && asCropped >= MIN_GAIN * asBody;
    }
}
