package org.covseg.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.covseg.image.Volume;
import org.covseg.io.SliceImageReader;
import org.covseg.io.SliceOrientation;
import org.junit.jupiter.api.Test;

class ScanTest {

    @Test
    void aVolumeHasItsAxialSlicesAndNoImageNames() {
        Scan ct = new Scan("ct", Path.of("ct.nii.gz"), Scan.Kind.NIFTI, List.of(Volume.builder(4, 4, 3).build()),
                List.of(), SliceOrientation.DISPLAY);
        assertThat(ct.isVolume()).isTrue();
        assertThat(ct.isImageFolder()).isFalse();
        assertThat(ct.slices()).hasSize(3).allSatisfy(s -> assertThat(s.depth()).isEqualTo(1));
        assertThatThrownBy(() -> ct.imageName(0)).isInstanceOf(IllegalStateException.class)
                .hasMessage("NIfTI volume has no image files");
    }

    @Test
    void imagesAreNamedAfterTheirFiles() {
        Volume a = Volume.builder(2, 2, 1).meta(SliceImageReader.SOURCE, "/data/slices/case 1.png").build();
        Volume b = Volume.builder(3, 2, 1).meta(SliceImageReader.SOURCE, "/data/slices/case2.v2.tif").build();
        Scan folder = new Scan("slices", Path.of("/data/slices"), Scan.Kind.SLICE_FOLDER, List.of(a, b), List.of(),
                SliceOrientation.DISPLAY);
        assertThat(folder.isImageFolder()).isTrue();
        assertThat(folder.slices()).hasSize(2);
        assertThat(folder.imageName(0)).isEqualTo("case 1");
        assertThat(folder.imageName(1)).isEqualTo("case2.v2");
        Scan one = new Scan("case 1", Path.of("/data/slices/case 1.png"), Scan.Kind.SLICE, List.of(a), List.of(),
                SliceOrientation.DISPLAY);
        assertThat(one.imageName(0)).isEqualTo("case 1");
        assertThat(one.isImageFolder()).isFalse();
    }
}
