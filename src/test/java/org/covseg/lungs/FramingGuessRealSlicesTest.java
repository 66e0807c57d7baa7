package org.covseg.lungs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.covseg.SharedData;
import org.covseg.data.Datasets;
import org.covseg.data.LabeledSlice;
import org.covseg.data.MedSegDataset;
import org.covseg.data.SliceDataset;
import org.junit.jupiter.api.Test;

/**
 * The framing guess that decides where {@code segment} and {@code evaluate} run a network, on the real slices: the 52
 * full-field MedSeg images are images of the body, the 50 COVID-SemiSeg slices are cropped to the lungs but for the one
 * whose lungs do not reach the border (slice 39), where both readings find the same lungs.
 */
class FramingGuessRealSlicesTest {

    @Test
    void fullFieldImagesAreImagesOfTheBody() {
        SliceDataset<LabeledSlice> medseg = MedSegDataset.open(SharedData.require("data/MedSeg-100-512"));
        assertThat(looksCropped(medseg)).isEmpty();
    }

    @Test
    void theTrainingSlicesLookCroppedToTheLungs() {
        SliceDataset<LabeledSlice> semiseg = Datasets.open(
                SharedData.require("data/COVID-SemiSeg/TrainingSet/LungInfection-Train/Doctor-label"));
        List<String> cropped = looksCropped(semiseg);
        List<String> notCropped = new ArrayList<>(semiseg.names());
        notCropped.removeAll(cropped);
        assertThat(notCropped).containsExactly("39");
    }

    private static List<String> looksCropped(SliceDataset<LabeledSlice> slices) {
        List<String> cropped = new ArrayList<>();
        for (int n = 0; n < slices.size(); n++) {
            LabeledSlice s = slices.load(n);
            if (FramingGuess.of(s.image()).looksCropped()) {
                cropped.add(s.name());
            }
        }
        return cropped;
    }
}
