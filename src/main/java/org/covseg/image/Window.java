package org.covseg.image;

import java.util.Locale;

/**
 * A CT display window mapping Hounsfield units linearly to 0..255 grey levels, clipped at both ends:
 * {@code grey = 255 · (HU − (level − width/2)) / width}.
 *
 * <p>The default, level −600 HU and width 1500 HU (the usual lung window, [−1350, 150] HU), reproduces the
 * grey levels of the public 8-bit slices we train on: in the MedSeg 512x512 images air outside the body sits at
 * 58–60 and soft tissue near 240, which is where this window puts −1000 HU and +40 HU.
 */
public record Window(double level, double width) {

    public static final Window LUNG = new Window(-600, 1500);

    /**
     * The window under which HU input looks like the 50 COVID-SemiSeg training slices (level −455, width 1420 HU,
     * [−1165, 255] HU): the window recorded by the models trained on them, used to turn a scan's HU into their input.
     * Those slices are not rendered like the MedSeg 512x512 images they were cut from: their lung parenchyma peaks at
     * grey 44 and soft tissue at 214, against 73 and 234 in the MedSeg images (medians over the images of each set),
     * which {@link #LUNG} puts at −921 HU and +26 HU. This window maps −921 HU to 44 and +26 HU to 214. Under
     * {@link #LUNG}, a scan's healthy lung came out almost twice as bright as in the training slices.
     */
    public static final Window COVID_SEMISEG = new Window(-455, 1420);

    public Window {
        if (!(width > 0) || !Double.isFinite(level)) {
            throw new IllegalArgumentException("a window needs a finite level and a positive width, got level "
                    + level + ", width " + width);
        }
    }

    /** Grey level 0..255 (not rounded) for a Hounsfield value. */
    public float toGrey(float hu) {
        double g = 255.0 * (hu - (level - width / 2)) / width;
        return (float) Math.max(0, Math.min(255, g));
    }

    /** The Hounsfield value at the given grey level (inside the window). */
    public float toHu(float grey) {
        return (float) (level - width / 2 + grey / 255.0 * width);
    }

    /** A windowed copy of an HU volume as 8-bit grey levels; other volumes are returned unchanged. */
    public Volume apply(Volume volume) {
        if (volume.unit() != IntensityUnit.HU) {
            return volume;
        }
        float[] v = volume.toArray();
        for (int p = 0; p < v.length; p++) {
            v[p] = Math.round(toGrey(v[p]));
        }
        return volume.withVoxels(v, IntensityUnit.WINDOWED_8BIT);
    }

    /**
     * An 8-bit slice exported with this window, as it would look exported with {@code target}: every grey level is
     * taken back to Hounsfield units and windowed again (levels clipped by this window stay clipped).
     */
    public Volume rewindow(Volume greySlice, Window target) {
        float[] v = greySlice.toArray();
        for (int p = 0; p < v.length; p++) {
            v[p] = Math.round(target.toGrey(toHu(v[p])));
        }
        return greySlice.withVoxels(v, greySlice.unit());
    }

    /** Parses "level,width" as given on the command line. */
    public static Window parse(String text) {
        String[] parts = text.split(",");
        try {
            if (parts.length == 2) {
                return new Window(Double.parseDouble(parts[0].trim()), Double.parseDouble(parts[1].trim()));
            }
        } catch (IllegalArgumentException e) {
            // fall through to the message below
        }
        throw new org.covseg.CovsegException("a window is \"level,width\" in HU (e.g. -600,1500), got \"" + text + "\"");
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "level %.0f HU, width %.0f HU", level, width);
    }
}
