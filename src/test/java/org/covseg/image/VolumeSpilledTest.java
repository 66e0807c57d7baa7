package org.covseg.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeSpilledTest {

    @TempDir
    Path dir;

    /** 7 x 5 x 300 random floats: more than one 1 MB chunk of the file (262,144 floats). */
    private static Volume randomVolume() {
        Random random = new Random(3);
        float[] voxels = new float[7 * 5 * 300];
        for (int p = 0; p < voxels.length; p++) {
            voxels[p] = (float) random.nextGaussian();
        }
        return Volume.builder(7, 5, 300).voxels(voxels).spacing(0.5, 0.7, 2.5).unit(IntensityUnit.PROBABILITY)
                .meta("k", "v").build();
    }

    private Volume spilled(Volume inMemory) {
        return inMemory.withSpilledSlices(inMemory::sliceArray, inMemory.unit(), dir);
    }

    @Test
    void everyAccessorReadsTheSameValuesBackFromTheFile() {
        Volume inMemory = randomVolume();
        Volume spilled = spilled(inMemory);

        assertThat(spilled.isSpilled()).isTrue();
        assertThat(inMemory.isSpilled()).isFalse();
        SameVoxels.assertReadsAs(spilled, inMemory);
        Volume copy = spilled.copy();
        assertThat(copy.isSpilled()).isFalse();
        assertThat(copy.toArray()).containsExactly(inMemory.toArray());
        assertThat(spilled.unit()).isEqualTo(IntensityUnit.PROBABILITY);
    }

    @Test
    void theSlicesAreAskedForOnceInOrderAndTheUnitIsTheNewOne() {
        Volume inMemory = randomVolume();
        java.util.List<Integer> asked = new java.util.ArrayList<>();
        Volume spilled = inMemory.withSpilledSlices(k -> {
            asked.add(k);
            return inMemory.sliceArray(k);
        }, IntensityUnit.LABEL, dir);
        assertThat(asked).containsExactlyElementsOf(java.util.stream.IntStream.range(0, 300).boxed().toList());
        assertThat(spilled.unit()).isEqualTo(IntensityUnit.LABEL);
        assertThat(spilled.slice(42).toArray()).containsExactly(inMemory.sliceArray(42));
    }

    @Test
    void theFileHasNoNameInItsFolderAndTheVolumeIsReadOnly() throws IOException {
        Volume spilled = spilled(randomVolume());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
        assertThatThrownBy(() -> spilled.set(0, 0, 0, 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(spilled.get(0, 0, 0)).isNotEqualTo(1);
    }

    @Test
    void aClosedFileCannotBeReadByTheVolumeOrItsViews() {
        Volume inMemory = randomVolume();
        Volume spilled = spilled(inMemory);
        Volume view = spilled.slice(4);

        spilled.closeFile();
        spilled.closeFile();
        inMemory.closeFile();

        assertThatThrownBy(() -> spilled.sliceArray(4)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the volume's temporary file was closed");
        assertThatThrownBy(view::toArray).isInstanceOf(IllegalStateException.class);
        assertThat(inMemory.sliceArray(4)).hasSize(35);
    }

    @Test
    void aSliceOfTheWrongSizeIsRefused() {
        Volume inMemory = randomVolume();
        assertThatThrownBy(() -> inMemory.withSpilledSlices(k -> new float[3], IntensityUnit.HU, dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("plane 0 holds 3 values");
    }

    @Test
    void aFolderThatCannotTakeTheFileIsOneClearError() {
        Volume inMemory = randomVolume();
        Path missing = dir.resolve("no-such-folder");
        assertThatThrownBy(() -> inMemory.withSpilledSlices(inMemory::sliceArray, IntensityUnit.HU, missing))
                .isInstanceOf(org.covseg.CovsegException.class)
                .hasMessageStartingWith("cannot keep a volume in a temporary file in " + missing)
                .hasMessageContaining("-Djava.io.tmpdir=");
    }

    @Test
    void theFolderIsCheckedBeforehandWithTheSameErrorAndNothingLeftInIt() throws IOException {
        SpilledFloats.requireFolder(dir);
        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).isEmpty();
        }
        Path missing = dir.resolve("no-such-folder");
        assertThatThrownBy(() -> SpilledFloats.requireFolder(missing))
                .isInstanceOf(org.covseg.CovsegException.class)
                .hasMessageStartingWith("cannot keep a volume in a temporary file in " + missing)
                .hasMessageContaining("-Djava.io.tmpdir=");
    }
}
