package org.covseg.severity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.covseg.SharedData;
import org.covseg.data.LabeledSlice;
import org.covseg.data.MedSegDataset;
import org.covseg.data.SliceDataset;
import org.covseg.image.Volume;
import org.junit.jupiter.api.Test;

/**
 * The 52 real MedSeg slices (8-bit lung window, radiological display, some with a circular field of view, text
 * or a tight crop), against their infection masks, which include some pleural effusion.
 */
class LungSegmenterRealSlicesTest {

    private static final LungSegmenter SEGMENTER = new LungSegmenter();
    /** Each lung covers between 0.5% (an apex) and 40% of a 512 x 512 slice. */
    private static final double MIN_LUNG_SHARE = 0.005;
    private static final double MAX_LUNG_SHARE = 0.4;

    @Test
    void everySliceHasTwoLungsOfPlausibleSizeOnTheRightSides() {
        SliceDataset<LabeledSlice> slices = MedSegDataset.open(SharedData.require("data/MedSeg-100-512"));
        assertThat(slices.size()).isEqualTo(52);
        long infected = 0;
        long insideAlone = 0;
        long insideWithMask = 0;
        for (int n = 0; n < slices.size(); n++) {
            LabeledSlice s = slices.load(n);
            Volume lungs = SEGMENTER.segment(s.image());
            double pixels = lungs.voxelCount();
            for (int label = 1; label <= 2; label++) {
                double share = count(lungs, label) / pixels;
                assertThat(share).as("%s lung %d", s.name(), label).isBetween(MIN_LUNG_SHARE, MAX_LUNG_SHARE);
            }
            assertThat(LungOverlap.meanI(lungs, 1)).as(s.name()).isLessThan(LungOverlap.meanI(lungs, 2));
            long lesion = count(s.mask(), 1);
            infected += lesion;
            insideAlone += Math.round(lesion * LungOverlap.insideLungs(s.mask(), lungs));
            Volume withMask = SEGMENTER.segment(s.image(), Optional.of(s.mask()));
            insideWithMask += Math.round(lesion * LungOverlap.insideLungs(s.mask(), withMask));
        }
        // Measured: 80% of the infection pixels inside the lungs from the image alone (broad posterior
        // consolidations and effusions are not recovered), 99.9% with the infection mask added.
        assertThat(insideAlone / (double) infected).isGreaterThan(0.78);
        assertThat(insideWithMask / (double) infected).isGreaterThan(0.99);
    }

    private static long count(Volume v, int label) {
        long n = 0;
        for (float x : v.toArray()) {
            n += x == label ? 1 : 0;
        }
        return n;
    }
}
