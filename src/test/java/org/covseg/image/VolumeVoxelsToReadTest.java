package org.covseg.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VolumeVoxelsToReadTest {

    @Test
    void aWholeVolumeLendsItsArrayAndAViewCopiesItsPart() {
        float[] voxels = {1, 2, 3, 4, 5, 6, 7, 8};
        Volume v = Volume.builder(2, 2, 2).voxels(voxels).build();

        assertThat(v.voxelsToRead()).isSameAs(v.voxelsToRead()).containsExactly(voxels);
        float[] second = v.slice(1).voxelsToRead();
        assertThat(second).containsExactly(5, 6, 7, 8);
        second[0] = 0;
        assertThat(v.get(0, 0, 1)).isEqualTo(5);
    }
}
