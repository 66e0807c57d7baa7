package org.covseg.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import org.covseg.CovsegException;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.infer.LungBoxes;
import org.covseg.infer.SliceMaps;
import org.covseg.lungs.LungMasks;
import org.covseg.report.ModelInfo;
import org.junit.jupiter.api.Test;

class LungCroppedInfectionMapsTest {

    /** A "model" that records the slices it is shown and answers each with its voxel values / 100. */
    private static final class Recording implements InfectionMaps {
        final List<Volume> seen = new ArrayList<>();

        @Override
        public ModelInfo model() {
            return TruthInfection.MODEL;
        }

        @Override
        public SliceMaps probabilities(List<Volume> slices, IntConsumer slicesDone) {
            seen.addAll(slices);
            List<float[]> maps = new ArrayList<>();
            for (Volume s : slices) {
                float[] v = s.toArray();
                for (int p = 0; p < v.length; p++) {
                    v[p] /= 100;
                }
                maps.add(v);
            }
            return SliceMaps.of(maps);
        }
    }

    @Test
    void theModelSeesOnlyTheLungBoxWithItsMarginAndTheMapIsZeroElsewhere() {
        // 100x50 slice, voxel value = x; "lungs" are x in 30..59, y in 10..29 → box widened by 2 px (2 % of 100)
        // in x and 1 px (2 % of 50) in y: x 28..61, y 9..30
        Volume slice = Volume.builder(100, 50, 1).unit(IntensityUnit.WINDOWED_8BIT).build();
        for (int y = 0; y < 50; y++) {
            for (int x = 0; x < 100; x++) {
                slice.set(x, y, 0, x);
            }
        }
        Volume empty = Volume.builder(100, 50, 1).unit(IntensityUnit.WINDOWED_8BIT).build();
        Recording model = new Recording();
        AtomicInteger segmented = new AtomicInteger();
        LungCroppedInfectionMaps maps = new LungCroppedInfectionMaps(model, new LungBoxes((ct, infection) -> {
            segmented.incrementAndGet();
            if (ct.toArray()[1] == 0) {
                throw new CovsegException("no lung found");
            }
            Volume lungs = ct.withVoxels(new float[100 * 50], IntensityUnit.LABEL);
            for (int y = 10; y < 30; y++) {
                for (int x = 30; x < 60; x++) {
                    lungs.set(x, y, 0, x < 45 ? 1 : 2);
                }
            }
            return lungs;
        }));
        int[] done = {0};
        List<float[]> result = maps.probabilities(List.of(slice, empty), n -> done[0] += n).all();

        assertThat(model.seen).hasSize(1);
        assertThat(model.seen.get(0).width()).isEqualTo(34);
        assertThat(model.seen.get(0).height()).isEqualTo(22);
        assertThat(model.seen.get(0).get(0, 0, 0)).isEqualTo(28f);
        assertThat(model.seen.get(0).affine().apply(0, 0, 0)).containsExactly(slice.affine().apply(28, 9, 0));
        float[] map = result.get(0);
        assertThat(map[9 * 100 + 28]).isEqualTo(0.28f);
        assertThat(map[30 * 100 + 61]).isEqualTo(0.61f);
        assertThat(map[9 * 100 + 27]).isZero();
        assertThat(map[8 * 100 + 40]).isZero();
        assertThat(map[31 * 100 + 40]).isZero();
        assertThat(result.get(1)).containsOnly(0f);
        assertThat(done[0]).isEqualTo(1);
        assertThat(segmented.get()).isEqualTo(2);

        // the same slices again (as the class network's pass sees them): the boxes are remembered, not re-found
        maps.probabilities(List.of(slice.withVoxels(slice.toArray(), slice.unit()), empty), n -> { });
        assertThat(segmented.get()).isEqualTo(2);
        assertThat(model.seen).hasSize(2);
        assertThat(model.seen.get(1).width()).isEqualTo(34);
    }

    @Test
    void boxesFoundFromSeveralThreadsAreThoseFoundOneByOne() {
        // 300 slices of 40 different contents; each slice's "lungs" start at the column its first pixel names
        List<Volume> slices = new ArrayList<>();
        for (int s = 0; s < 300; s++) {
            Volume slice = Volume.builder(64, 32, 1).unit(IntensityUnit.WINDOWED_8BIT).build();
            slice.set(0, 0, 0, s % 40);
            slices.add(slice);
        }
        LungMasks lungs = (ct, infection) -> {
            int from = (int) ct.get(0, 0, 0);
            Volume mask = ct.withVoxels(new float[64 * 32], IntensityUnit.LABEL);
            for (int x = from; x < from + 20; x++) {
                mask.set(x, 5 + from % 7, 0, 1);
            }
            return mask;
        };
        LungBoxes shared = new LungBoxes(lungs);
        List<int[]> parallel = slices.parallelStream().map(shared::of).toList();
        LungBoxes alone = new LungBoxes(lungs);
        for (int s = 0; s < slices.size(); s++) {
            assertThat(parallel.get(s)).as("slice %d", s).containsExactly(alone.of(slices.get(s)));
        }
    }
}
