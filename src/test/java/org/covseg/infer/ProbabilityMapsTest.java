package org.covseg.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.covseg.CovsegException;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbabilityMapsTest {

    @Test
    void theMapsOfConsecutiveGridsBecomeOneVolumeEachAndAreTaken() {
        Volume volume = Volume.builder(2, 1, 2).spacing(0.5, 0.5, 3).unit(IntensityUnit.HU).build();
        Volume image = Volume.builder(1, 3, 1).build();
        SliceMaps maps = SliceMaps.of(List.of(new float[] {0.1f, 0.2f}, new float[] {0.3f, 0.4f},
                new float[] {0.5f, 0.6f, 0.7f}));

        List<Volume> out = ProbabilityMaps.onGrids(List.of(volume, image), maps);

        assertThat(out.get(0).toArray()).containsExactly(0.1f, 0.2f, 0.3f, 0.4f);
        assertThat(out.get(0).spacing()).containsExactly(0.5, 0.5, 3.0);
        assertThat(out.get(0).unit()).isEqualTo(IntensityUnit.PROBABILITY);
        assertThat(out.get(1).toArray()).containsExactly(0.5f, 0.6f, 0.7f);
        for (int s = 0; s < 3; s++) {
            int slice = s;
            assertThatThrownBy(() -> maps.take(slice)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void mapsThatDoNotCoverTheSlicesAreRefused() {
        Volume volume = Volume.builder(2, 1, 2).build();
        assertThatThrownBy(() -> ProbabilityMaps.onGrids(List.of(volume), SliceMaps.of(List.of(new float[2]))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("1 maps for 2 slices");
    }

    @Test
    void onlyAVolumeOfSeveralSlicesNeedsAFolderForItsFile(@TempDir Path dir) {
        String tmpdir = System.getProperty("java.io.tmpdir");
        try {
            System.setProperty("java.io.tmpdir", dir.resolve("missing").toString());
            ProbabilityMaps.requireRoomFor(List.of(Volume.builder(2, 2, 1).build()));
            assertThatThrownBy(() -> ProbabilityMaps.requireRoomFor(List.of(Volume.builder(2, 2, 2).build())))
                    .isInstanceOf(CovsegException.class).hasMessageContaining(dir.resolve("missing").toString());
        } finally {
            System.setProperty("java.io.tmpdir", tmpdir);
        }
    }

    @Test
    void theMaskIsOnWhereTheProbabilityReachesTheThreshold() {
        Volume probability = Volume.builder(4, 1, 1).voxels(new float[] {0.2f, 0.5f, 0.49f, 1f})
                .unit(IntensityUnit.PROBABILITY).build();

        Volume mask = ProbabilityMaps.atThreshold(probability, 0.5, 255);

        assertThat(mask.toArray()).containsExactly(0, 255, 0, 255);
        assertThat(mask.unit()).isEqualTo(IntensityUnit.LABEL);
        assertThat(probability.toArray()).containsExactly(0.2f, 0.5f, 0.49f, 1f);
    }
}
