package org.covseg.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VolumeMemoryTest {

    @Test
    void aSmallVolumeFits() {
        assertThat(VolumeMemory.shortfall(512L * 512 * 100)).isEmpty();
    }

    @Test
    void moreVoxelsThanAnArrayHoldsAreNamed() {
        assertThat(VolumeMemory.shortfall(65535L * 65535 * 3)).get().asString()
                .startsWith("its 12884508675 voxels are more than the 2147483647 one volume can hold");
    }

    @Test
    void moreMemoryThanJavaMayUseNamesTheLimitToRaise() {
        long voxels = Runtime.getRuntime().maxMemory() / (Float.BYTES * VolumeMemory.COPIES) + 1;
        if (voxels <= Integer.MAX_VALUE) {
            assertThat(VolumeMemory.shortfall(voxels)).get().asString()
                    .contains("GB of memory but Java may use only").contains("COVSEG_JAVA_OPTS=-Xmx");
        }
        assertThat(VolumeMemory.shortfall(voxels - 1)).isEmpty();
    }
}
