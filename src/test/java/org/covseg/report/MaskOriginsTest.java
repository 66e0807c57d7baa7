package org.covseg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MaskOriginsTest {

    private static final ModelInfo INFECTION = new ModelInfo("infection-covidsegnet", "4", "infection", "net", "abc",
            "/models/infection");
    private static final ModelInfo CLASSES = new ModelInfo("multiclass", "6", "multiclass", "UNet-bilinear", "def",
            "/models/multiclass");
    private static final MaskOrigins.AddedLung ADDED = new MaskOrigins.AddedLung(20.0, 50.0, 50.0);

    @Test
    void theModelsMasksAndCovsegsLungsAreWordedFromTheFacts() {
        MaskOrigins origins = new MaskOrigins(null, INFECTION, 0.5, CLASSES, null, true, null, ADDED, null);
        List<MaskOrigin> list = origins.origins();
        assertThat(list).extracting(MaskOrigin::mask).containsExactly("infection", "lungs");
        assertThat(list.get(0).origin()).isEqualTo("covseg model infection-covidsegnet 4 (weights SHA-256 abc)");
        assertThat(list.get(0).labels()).isEqualTo("0 where the probability is below 0.5; elsewhere 1 ground-glass"
                + " opacity or 2 consolidation, the class the multi-class model multiclass finds more probable");
        assertThat(list.get(1).origin()).isEqualTo("covseg lung segmentation: found on the CT, with the infection"
                + " mask's lesions that touch a lung added to that lung (they make 20.0 % of the right lung and 50.0 %"
                + " of the left, and hold 50.0 % of the infection measured; a false positive against a lung is added"
                + " too)");
        assertThat(list.get(1).addedFromInfectionPercent()).containsEntry("rightLung", 20.0)
                .containsEntry("leftLung", 50.0).containsEntry("infection", 50.0);
        assertThat(origins.infectionClasses()).isEqualTo("ground-glass opacity (label 1) and consolidation (label 2):"
                + " the infection mask split by the multi-class model multiclass 6");
    }

    @Test
    void userMasksAreNamedWithTheirLabelsAndABinaryModelMaskSaysWhyThereIsNoSplit() {
        MaskOrigins.UserMask lungs = new MaskOrigins.UserMask("/data/lungs.nii.gz", "0 outside, 1 lung");
        MaskOrigins.UserMask reference = new MaskOrigins.UserMask("/data/ref.nii.gz", "non-zero is infection");
        MaskOrigins binary = new MaskOrigins(null, INFECTION, 0.4, null, "switched off (--no-classes)", false, lungs,
                ADDED, reference);
        assertThat(binary.origins()).extracting(MaskOrigin::origin).containsExactly(
                "covseg model infection-covidsegnet 4 (weights SHA-256 abc)", "user mask /data/lungs.nii.gz",
                "user mask /data/ref.nii.gz");
        assertThat(binary.origins().get(0).labels()).isEqualTo("1 where the probability is at or above 0.4, else 0");
        assertThat(binary.infectionClasses()).isEqualTo("infection (any class). Ground-glass / consolidation split:"
                + " not available — switched off (--no-classes).");

        MaskOrigins.UserMask infection = new MaskOrigins.UserMask("/data/lesions.nii.gz", "1 and 2");
        assertThat(new MaskOrigins(infection, null, 0.5, null, null, true, lungs, ADDED, null).infectionClasses())
                .isEqualTo("ground-glass opacity (label 1) and consolidation (label 2), from the user's infection"
                        + " mask");
        assertThat(new MaskOrigins(infection, null, 0.5, null, null, false, lungs, ADDED, null).infectionClasses())
                .isEqualTo("infection (any class), from the user's binary infection mask; no ground-glass /"
                        + " consolidation split");
    }
}
