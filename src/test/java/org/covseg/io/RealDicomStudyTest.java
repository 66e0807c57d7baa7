package org.covseg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import org.covseg.SharedData;
import org.junit.jupiter.api.Test;

/**
 * A real thorax-abdomen-pelvis study (../shared): two 5 mm axial series, 601 and 603, each of 23 axial slices and
 * one stray coronal reference image (IM001022, IM001046) under the same Series Instance UID.
 */
class RealDicomStudyTest {

    private static final String STUDY = "data/real-ct/covid-pos-case_dicom-5mm";
    private static final String SERIES_601 = "1.2.840.113619.2.379.176156469293644.41771.1583241182858.1804";
    private static final String SERIES_603 = "1.2.840.113619.2.379.176156469293644.41771.1583241182884.1829";

    @Test
    void eachSeriesIsItsAxialSlicesAndNamesItsStrayCoronalImage() {
        Path dir = SharedData.require(STUDY);

        DicomSeriesResult first = DicomSeriesReader.read(dir, SERIES_601);
        DicomSeriesResult second = DicomSeriesReader.read(dir, SERIES_603);

        assertThat(first.volume().depth()).isEqualTo(23);
        assertThat(first.notes()).containsExactly("left out IM001022 (coronal image in an axial series)");
        assertThat(second.volume().depth()).isEqualTo(23);
        assertThat(second.notes()).containsExactly("left out IM001046 (coronal image in an axial series)");
    }

    @Test
    void theUpperSeriesIsChosenForItHoldsTheLungs() {
        DicomStudy study = DicomStudy.scan(SharedData.require(STUDY));

        assertThat(study.series()).extracting(SeriesSummary::number, SeriesSummary::orientation,
                SeriesSummary::sliceCount, SeriesSummary::kernel).containsExactly(
                        tuple("601", SeriesOrientation.AXIAL, 23, "STANDARD"),
                        tuple("603", SeriesOrientation.AXIAL, 23, "STANDARD"));
        assertThat(study.choice().series()).map(SeriesSummary::uid).hasValue(SERIES_601);
        assertThat(study.choice().reason()).contains("upper 300 mm", "series 603: 35%");
    }
}
