package org.covseg.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.covseg.data.Scan;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.io.SliceOrientation;
import org.covseg.lungs.LungSegmenter;
import org.covseg.lungs.SyntheticChest;
import org.junit.jupiter.api.Test;

class CroppedImagesTest {

    private static StudyGrid grid(Volume ct, Volume lungs) {
        return new StudyGrid(ct, null, ct, lungs);
    }

    private static Volume named(Volume ct, String source) {
        return ct.toBuilder().meta("source", source).build();
    }

    private static Scan scan(Scan.Kind kind, List<StudyGrid> grids) {
        return new Scan("study", Path.of("study"), kind, grids.stream().map(StudyGrid::ct).toList(), List.of(),
                SliceOrientation.DISPLAY);
    }

    @Test
    void anImageCroppedToTheLungsIsNamedWithTheLungAreaEachReadingFinds() {
        Volume body = named(SyntheticChest.twoLungs().volume(), "/x/body.png");
        Volume cropped = named(SyntheticChest.croppedToLungs().volume(), "/x/cropped.png");
        // read as an image of the body, the cropped image has no lung at all (its lungs reach the border); read as
        // cropped, its two lung ellipses (69.1 % of the image) with their rims
        Volume none = cropped.withVoxels(new float[(int) cropped.voxelCount()], IntensityUnit.LABEL);
        List<StudyGrid> grids = List.of(grid(body, new LungSegmenter().segment(body)), grid(cropped, none));

        assertThat(CroppedImages.hint(scan(Scan.Kind.SLICE_FOLDER, grids), grids)).hasValueSatisfying(n ->
                assertThat(n).startsWith("1 of 2 images (cropped) look cropped to the lungs: read so"
                        + " (--cropped-to-lungs), the lungs would cover 71.1 % of each on average instead of 0.0 %;"));
    }

    @Test
    void imagesOfTheBodyAndVolumesGetNoHint() {
        Volume body = named(SyntheticChest.twoLungs().volume(), "/x/body.png");
        List<StudyGrid> grids = List.of(grid(body, new LungSegmenter().segment(body)));

        assertThat(CroppedImages.hint(scan(Scan.Kind.SLICE, grids), grids)).isEmpty();
        assertThat(CroppedImages.hint(scan(Scan.Kind.NIFTI, grids), grids)).isEmpty();
    }
}
