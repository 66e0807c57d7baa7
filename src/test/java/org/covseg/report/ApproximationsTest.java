package org.covseg.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApproximationsTest {

    @Test
    void aVolumeInHuWithCovsegsMasksAndAClassSplit() {
        Approximations a = new Approximations(null, 0.5, "tiny-infection 1", null,
                new Approximations.HuRules(-750, 3, -300, -500), null, false, true, true, null);

        assertThat(a.sentences()).containsExactly(
                "Infection is where the single-class network's probability is at or above 0.5, not checked by a"
                        + " reader. " + Approximations.CLASS_SPLIT_RULE + " The multi-class model's prior is"
                        + " tiny-infection 1; it was trained on 50 COVID-SemiSeg slices, so the split is rough.",
                "Each infected region (connected within its slice) whose mean is below -750 HU is aerated lung and"
                        + " never infection, whatever the network says.",
                "Along the slice axis, a run of infected voxels at most 3 mm tall between tissue denser than -300 HU"
                        + " and aerated lung below -500 HU is the partial volume of that surface (a diaphragm dome, the"
                        + " top of a vessel) and not infection; not applied where slices are farther apart than that.",
                "The lung mask is computed automatically, with the infection mask added to the lung it touches within"
                        + " the thoracic envelope (near the lungs found on the CT alone); errors of either mask change"
                        + " every percentage and score.",
                "Lobes and segments are geometric approximations, not anatomy: each lung's bounding box is cut into"
                        + " cranio-caudal sixths and thirds, front and back halves and lateral and medial halves,"
                        + " without fissures or an atlas (the exact cuts are in the CT severity score's definition).");
    }

    @Test
    void imagesWithTheUsersMasksAndAGivenPixelSize() {
        Approximations a = new Approximations("/data/inf.png", 0.5, null, "no multi-class model installed", null,
                "/data/lungs.png", true, false, true, 0.7);

        assertThat(a.sentences()).containsExactly(
                "Infection is the user's mask /data/inf.png, taken as given (not checked by covseg); every percentage"
                        + " and score is only as good as that mask.",
                "The lung mask is the user's /data/lungs.png, used as given; covseg split it into the right and left"
                        + " lung (by the body's midline and the pleural junction), which decides the per-lung numbers."
                        + " Infection outside it enters no percentage and no score.",
                "A 2-D image gives the infected share of that image's lung area, not of the whole lungs; the"
                        + " whole-lung scores (CT severity score, total CT score, MosMed category) are not applicable.",
                "The pixel size 0.7 mm was given with --pixel-mm, not read from the images.");
    }

    @Test
    void noClassSplitSaysWhyAndUnknownSpacingSaysPixels() {
        Approximations a = new Approximations(null, 0.4, null, "--no-classes", null, null, false, false, false,
                null);

        assertThat(a.sentences().get(0)).isEqualTo("Infection is where the single-class network's probability is at"
                + " or above 0.4, not checked by a reader. Ground-glass / consolidation split: not available —"
                + " --no-classes.");
        assertThat(a.sentences()).last().isEqualTo("The pixel size of the images is unknown, so amounts are pixel"
                + " counts; give --pixel-mm to get mm².");
    }
}
