package org.covseg.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.covseg.SharedData;
import org.covseg.data.Scan;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.io.NiftiReader;
import org.covseg.io.SliceOrientation;
import org.covseg.lungs.LungSegmenter;
import org.covseg.model.DefaultModels;
import org.covseg.severity.SeverityReport;
import org.junit.jupiter.api.Test;

/**
 * The real study in ../shared read as other reconstructions of the same scan would give it: twice as thick slices
 * (pairs averaged: 5 mm), those with the noise of a lower dose (Gaussian, 25 HU), and a sharper kernel (an unsharp
 * mask). The patient and the moment are the same, so involvement must agree within 3 points and the MosMed category
 * must not change. With the shipped infection model; about two minutes.
 */
class ReconstructionConsistencyTest {

    private static final String STUDY = "data/real-ct/covid-pos-case_standard-kernel_2.5mm.nii.gz";

    @Test
    void otherReconstructionsOfTheRealStudyKeepItsInvolvementAndCategory() {
        Volume original = NiftiReader.read(SharedData.require(STUDY), IntensityUnit.HU);
        Map<String, Volume> versions = new LinkedHashMap<>();
        versions.put("5 mm", thicker(original));
        versions.put("5 mm, noisy", noisy(thicker(original)));
        versions.put("sharpened", sharpened(original));
        AnalysisModels.Folders folders = new AnalysisModels.Folders(DefaultModels.infection(), null, "not needed",
                null, "not needed");
        try (AnalysisModels models = AnalysisModels.open(folders, 4)) {
            StudyAnalyzer analyzer = models.analyzer(new LungSegmenter(), new StudyAnalyzer.Settings(0.5, null),
                    UserMasks.NONE);
            SeverityReport reference = analyzer.analyze(scan("2.5 mm", original), n -> { }).severity();
            double involvement = reference.percentageOfInfection().total().any().percent();
            versions.forEach((name, version) -> {
                SeverityReport other = analyzer.analyze(scan(name, version), n -> { }).severity();
                System.out.printf("reconstruction %-12s involvement %.1f %% (2.5 mm: %.1f %%), %s%n", name,
                        other.percentageOfInfection().total().any().percent(), involvement,
                        other.mosmedCategory().category());
                assertThat(other.percentageOfInfection().total().any().percent()).as(name)
                        .isCloseTo(involvement, within(3.0));
                assertThat(other.mosmedCategory().category()).as(name)
                        .isEqualTo(reference.mosmedCategory().category());
            });
        }
    }

    private static Scan scan(String name, Volume ct) {
        return new Scan(name, Path.of(name), Scan.Kind.NIFTI, List.of(ct), List.of(), SliceOrientation.DISPLAY);
    }

    /** Pairs of slices averaged: half as many, twice as thick. */
    static Volume thicker(Volume v) {
        int plane = v.width() * v.height();
        int depth = v.depth() / 2;
        float[] in = v.toArray();
        float[] out = new float[plane * depth];
        for (int k = 0; k < depth; k++) {
            for (int q = 0; q < plane; q++) {
                out[k * plane + q] = (in[2 * k * plane + q] + in[(2 * k + 1) * plane + q]) / 2;
            }
        }
        double[] s = v.spacing();
        return Volume.builder(v.width(), v.height(), depth).voxels(out).spacing(s[0], s[1], 2 * s[2])
                .unit(IntensityUnit.HU).build();
    }

    /** Gaussian noise of 25 HU standard deviation, fixed seed. */
    static Volume noisy(Volume v) {
        float[] hu = v.toArray();
        Random random = new Random(7);
        for (int p = 0; p < hu.length; p++) {
            hu[p] += (float) (25 * random.nextGaussian());
        }
        return v.withVoxels(hu, IntensityUnit.HU);
    }

    /** In-plane unsharp mask: x + (x − 3×3 mean of x), as a sharper reconstruction kernel. */
    static Volume sharpened(Volume v) {
        float[] hu = v.toArray();
        float[] out = hu.clone();
        int w = v.width();
        int h = v.height();
        for (int k = 0; k < v.depth(); k++) {
            for (int j = 1; j < h - 1; j++) {
                for (int i = 1; i < w - 1; i++) {
                    int p = (k * h + j) * w + i;
                    double mean = 0;
                    for (int dj = -1; dj <= 1; dj++) {
                        for (int di = -1; di <= 1; di++) {
                            mean += hu[p + dj * w + di];
                        }
                    }
                    out[p] = (float) (2 * hu[p] - mean / 9);
                }
            }
        }
        return v.withVoxels(out, IntensityUnit.HU);
    }
}
