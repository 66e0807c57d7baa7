package org.covseg.lungs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.covseg.data.Scan;
import org.covseg.data.Scans;
import org.covseg.data.SliceWindowCheck;
import org.covseg.image.IntensityUnit;
import org.covseg.image.TissuePeaks;
import org.covseg.image.Volume;
import org.covseg.image.Window;
import org.covseg.io.NiftiDatatype;
import org.covseg.io.NiftiWriter;
import org.covseg.io.SliceImageWriter;
import org.covseg.io.SliceOrientation;
import org.covseg.phantom.Phantom;
import org.covseg.phantom.PhantomConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slices exported with a window about twice as wide as a lung window (soft tissue mid-grey, like the COVID-SemiSeg
 * "coronacases" volumes): the lungs are missed as they are, and are found once {@code --rewindow} has re-windowed
 * them ({@link Scans#open(Path, String, SliceOrientation, boolean)}).
 */
class RewindowedSliceLungsTest {

    /** Lung (−921 HU) at grey 14 and soft tissue (+26 HU) at 100, as in the coronacases volumes. */
    private static final Window WIDE = new TissuePeaks(14, 100).impliedWindow();

    @TempDir
    static Path dir;

    static Phantom phantom;
    static Path folder;

    @BeforeAll
    static void writeWideWindowSlices() {
        phantom = Phantom.generate(PhantomConfig.defaults());
        folder = dir.resolve("study");
        for (int k : new int[] {12, 16, 20}) {
            SliceImageWriter.writeGrey8(folder.resolve("slice" + k + ".png"), WIDE.apply(phantom.slice(k).ct()),
                    SliceOrientation.DISPLAY);
        }
    }

    @Test
    void theLungsOfWideWindowSlicesAreMissedAsTheyAre() {
        Scan scan = Scans.open(folder, null, SliceOrientation.DISPLAY, false);

        assertThat(scan.notes()).singleElement().asString().contains("windowed unlike covseg's training slices");
        Volume lungs = new LungSegmenter().segment(scan.volumes().get(1));
        Volume truth = phantom.slice(16).lungs();
        assertThat(LungOverlap.dice(truth, lungs, LungSide.RIGHT.label())).isLessThan(0.1);
        assertThat(LungOverlap.dice(truth, lungs, LungSide.LEFT.label())).isLessThan(0.1);
    }

    @Test
    void rewindowedSlicesLookLikeTheTrainingSlicesAndTheirLungsAreFound() {
        Scan scan = Scans.open(folder, null, SliceOrientation.DISPLAY, true);

        assertThat(scan.notes()).singleElement().asString()
                .startsWith("re-windowed (--rewindow): the lung and soft-tissue grey peaks of the 3 images")
                .contains("to level -455 HU, width 1420 HU");
        Volume middle = scan.volumes().get(1);
        assertThat(SliceWindowCheck.looksLungWindowed(middle)).isTrue();
        TissuePeaks after = TissuePeaks.of(scan.volumes());
        assertThat((double) after.lung()).isEqualTo(44, within(6.0));
        assertThat((double) after.softTissue()).isEqualTo(214, within(6.0));
        Volume lungs = new LungSegmenter().segment(middle);
        Volume truth = phantom.slice(16).lungs();
        assertThat(LungOverlap.dice(truth, lungs, LungSide.RIGHT.label())).isGreaterThan(0.95);
        assertThat(LungOverlap.dice(truth, lungs, LungSide.LEFT.label())).isGreaterThan(0.95);
    }

    @Test
    void aVolumeInHounsfieldUnitsIsNotReWindowedAndTheNoteSaysSo() {
        Path nifti = dir.resolve("chest.nii.gz");
        NiftiWriter.write(phantom.ct(), nifti, NiftiDatatype.INT16);

        Scan scan = Scans.open(nifti, null, SliceOrientation.DISPLAY, true);

        assertThat(scan.notes()).containsExactly("--rewindow does nothing here: a volume in Hounsfield units is"
                + " windowed with the window each model records");
        assertThat(scan.volume().unit()).isEqualTo(IntensityUnit.HU);
        assertThat(Scans.open(nifti, null, SliceOrientation.DISPLAY, false).notes()).isEmpty();
    }

    @Test
    void anImageWithoutTwoTissuePeaksIsLeftAsItIsAndSaysWhy() {
        float[] grey = new float[64 * 64];
        Arrays.fill(grey, 90);
        Path flat = dir.resolve("flat.png");
        SliceImageWriter.writeGrey8(flat, Volume.builder(64, 64, 1).voxels(grey).unit(IntensityUnit.WINDOWED_8BIT)
                .build(), SliceOrientation.DISPLAY);

        Scan scan = Scans.open(flat, null, SliceOrientation.DISPLAY, true);

        assertThat(scan.notes()).singleElement().asString()
                .startsWith("not re-windowed (--rewindow): the window the images were exported with cannot be"
                        + " estimated: the grey histogram has no two peaks");
        assertThat(scan.volumes().get(0).toArray()).containsOnly(90f);
    }
}
