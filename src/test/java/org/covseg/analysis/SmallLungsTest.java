package org.covseg.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.covseg.data.Scan;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.io.SliceOrientation;
import org.junit.jupiter.api.Test;

class SmallLungsTest {

    /** A 10x10 image grid whose lung mask has {@code lungPixels} pixels of lung. */
    private static StudyGrid grid(int lungPixels, String source) {
        float[] lungs = new float[100];
        for (int p = 0; p < lungPixels; p++) {
            lungs[p] = 1;
        }
        Volume.Builder image = Volume.builder(10, 10, 1).voxels(new float[100]).unit(IntensityUnit.WINDOWED_8BIT);
        Volume ct = source == null ? image.build() : image.meta("source", source).build();
        return new StudyGrid(ct, null, ct, ct.withVoxels(lungs, IntensityUnit.LABEL));
    }

    private static Scan scan(Scan.Kind kind, List<StudyGrid> grids) {
        return new Scan("study", Path.of("study"), kind, grids.stream().map(StudyGrid::ct).toList(), List.of(),
                SliceOrientation.DISPLAY);
    }

    /** 1 of 100 pixels is 1 %, under the 2 % a slice through the lungs always has; 2 of 100 is not. */
    @Test
    void anImageWhoseLungsCoverUnderTwoPercentIsNoted() {
        List<StudyGrid> one = List.of(grid(1, "a.png"));
        assertThat(SmallLungs.note(scan(Scan.Kind.SLICE, one), one)).hasValueSatisfying(n -> assertThat(n)
                .startsWith("the lungs found cover only 1.0 % of the image, too little for a chest CT"));
        List<StudyGrid> enough = List.of(grid(2, "a.png"));
        assertThat(SmallLungs.note(scan(Scan.Kind.SLICE, enough), enough)).isEmpty();
    }

    /** Images without any lung are reported elsewhere (not scored); only the small ones are named here. */
    @Test
    void aFolderNamesItsImagesWithSmallLungs() {
        List<StudyGrid> grids = List.of(grid(30, "/x/a.png"), grid(1, "/x/b.png"), grid(0, "/x/c.png"),
                grid(1, "/x/d.png"));
        assertThat(SmallLungs.note(scan(Scan.Kind.SLICE_FOLDER, grids), grids)).hasValueSatisfying(n -> assertThat(n)
                .startsWith("the lungs found cover only 1.0 % of 2 of 4 images (b, d), too little"));
    }

    /** A volume's slices have no file names (it once failed here with a NullPointerException). */
    @Test
    void aVolumeWithSmallLungsIsNotedAsTheScan() {
        List<StudyGrid> volume = List.of(grid(1, null));
        assertThat(SmallLungs.note(scan(Scan.Kind.NIFTI, volume), volume)).hasValueSatisfying(n -> assertThat(n)
                .startsWith("the lungs found cover only 1.0 % of the scan, too little"));
    }
}
