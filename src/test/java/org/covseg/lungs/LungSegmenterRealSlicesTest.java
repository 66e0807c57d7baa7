package org.covseg.lungs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.covseg.SharedData;
import org.covseg.data.Datasets;
import org.covseg.data.LabeledSlice;
import org.covseg.data.MedSegDataset;
import org.covseg.data.SliceDataset;
import org.covseg.image.Volume;
import org.junit.jupiter.api.Test;

/**
 * The 52 real MedSeg slices (8-bit lung window, radiological display, some with a circular field of view, text
 * or a tight crop), against their infection masks, which include some pleural effusion; and the 50 COVID-SemiSeg
 * slices, cropped to the lung box.
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

        InfectionInside inside = InfectionInside.over(slices, SEGMENTER, MIN_LUNG_SHARE, MAX_LUNG_SHARE);

        // Measured: 80% of the infection pixels inside the lungs from the image alone (broad posterior
        // consolidations and effusions are not recovered), 99.9% with the infection mask added.
        assertThat(inside.alone()).isGreaterThan(0.78);
        assertThat(inside.withMask()).isGreaterThan(0.99);
    }

    @Test
    void theLungsOfSlicesCroppedToTheLungBoxAreFoundWhenTheFramingIsSaid() {
        SliceDataset<LabeledSlice> slices = Datasets.open(
                SharedData.require("data/COVID-SemiSeg/TrainingSet/LungInfection-Train/Doctor-label"));
        assertThat(slices.size()).isEqualTo(50);

        InfectionInside inside = InfectionInside.over(slices, new LungSegmenter(Framing.LUNG_BOX), 0.02, 0.45);

        // Measured: 87% of the infection pixels inside the lungs from the image alone, as against 8% when the slices
        // are read as images of the whole body (their lungs reach the border and are taken for air outside it).
        assertThat(inside.alone()).isGreaterThan(0.85);
        assertThat(inside.withMask()).isGreaterThan(0.99);
    }

    /** The shares of the slices' infection pixels inside the lungs found from the image alone, and with the mask. */
    private record InfectionInside(double alone, double withMask) {

        /** Checks on the way that each lung of each slice covers between the two shares of the slice. */
        static InfectionInside over(SliceDataset<LabeledSlice> slices, LungSegmenter segmenter, double minShare,
                double maxShare) {
            long infected = 0;
            long insideAlone = 0;
            long insideWithMask = 0;
            for (int n = 0; n < slices.size(); n++) {
                LabeledSlice s = slices.load(n);
                Volume lungs = segmenter.segment(s.image());
                double pixels = lungs.voxelCount();
                for (int label = 1; label <= 2; label++) {
                    double share = count(lungs, label) / pixels;
                    assertThat(share).as("%s lung %d", s.name(), label).isBetween(minShare, maxShare);
                }
                assertThat(LungOverlap.meanI(lungs, 1)).as(s.name()).isLessThan(LungOverlap.meanI(lungs, 2));
                long lesion = count(s.mask(), 1);
                infected += lesion;
                insideAlone += Math.round(lesion * LungOverlap.insideLungs(s.mask(), lungs));
                Volume withMask = segmenter.segment(s.image(), Optional.of(s.mask()));
                insideWithMask += Math.round(lesion * LungOverlap.insideLungs(s.mask(), withMask));
            }
            return new InfectionInside(insideAlone / (double) infected, insideWithMask / (double) infected);
        }
    }

    private static long count(Volume v, int label) {
        long n = 0;
        for (float x : v.toArray()) {
            n += x == label ? 1 : 0;
        }
        return n;
    }
}
