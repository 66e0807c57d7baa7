package org.covseg.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.covseg.CovsegException;
import org.covseg.image.Volume;
import org.covseg.model.ModelDir;
import org.covseg.model.ModelSpec;
import org.covseg.nn.DetectionNet;
import org.covseg.nn.NetworkSize;
import org.covseg.phantom.Phantom;
import org.covseg.phantom.PhantomConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study-level API on a phantom CT (HU) with its true lungs and an untrained tiny detection model. */
class StudyDetectorTest {

    @TempDir
    Path dir;

    @Test
    void judgesTheLungSlicesAndAggregatesTheirProbabilities() throws IOException {
        NetworkSize config = new NetworkSize(0.1, 64);
        try (NDManager manager = NDManager.newBaseManager()) {
            DetectionNet net = new DetectionNet(config);
            net.initialize(manager, DataType.FLOAT32, config.inputShape(1));
            ModelDir.save(dir, ModelSpec.detection("tiny", config, Map.of(), Map.of()), net);
        }
        Phantom phantom = Phantom.generate(PhantomConfig.builder().grid(64, 6, 5.0, 8.0).build());
        Volume lungs = phantom.lungs();
        try (StudyDetector detector = StudyDetector.open(dir, 4)) {
            StudyDetection d = detector.detect(phantom.ct(), lungs);
            long[] areas = new long[lungs.depth()];
            for (int k = 0; k < areas.length; k++) {
                for (float v : lungs.sliceArray(k)) {
                    areas[k] += v != 0 ? 1 : 0;
                }
            }
            assertThat(d.lungSlices()).isNotEmpty().containsExactly(StudyAggregation.DEFAULT.lungSlices(areas));
            assertThat(d.sliceProbabilities()).hasSize(d.lungSlices().length);
            assertThat(java.util.Arrays.stream(d.sliceProbabilities()).boxed().toList())
                    .allSatisfy(p -> assertThat(p).isBetween(0.0, 1.0));
            assertThat(d.probability()).isEqualTo(StudyAggregation.DEFAULT.probability(d.sliceProbabilities()));
            assertThat(detector.probability(phantom.ct(), lungs)).isEqualTo(d.probability());

            Volume noLungs = lungs.withVoxels(new float[(int) lungs.voxelCount()], lungs.unit());
            assertThatThrownBy(() -> detector.detect(phantom.ct(), noLungs)).isInstanceOf(CovsegException.class)
                    .hasMessageContaining("no lung");
        }
    }
}
