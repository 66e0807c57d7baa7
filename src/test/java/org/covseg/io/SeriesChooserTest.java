package org.covseg.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The choice among series, on summaries made up here (no files). */
class SeriesChooserTest {

    @Test
    void chestSeriesWinsOverTheAbdomenPelvisSeriesBelowItWithManyMoreSlices() {
        SeriesSummary chest = new Series("2").z(-250, 50).thickness(1.25).build();
        SeriesSummary abdomenPelvis = new Series("3").z(-600, -156).thickness(0.625).build();
        assertThat(abdomenPelvis.sliceCount()).isEqualTo(711);

        SeriesChoice choice = SeriesChooser.choose(List.of(abdomenPelvis, chest));

        assertThat(choice.series()).hasValue(chest);
        assertThat(choice.reason()).isEqualTo("covers the study's upper 300 mm, where the lungs lie (100%;"
                + " series 3: 31%)");
        assertThat(choice.line()).startsWith("series 2 (2.25.2): covers");
    }

    @Test
    void seriesNamedOnlyAsAnotherRegionIsSetAside() {
        SeriesSummary abdomen = new Series("2").described("ABD PELVIS 0.625").thickness(0.625).build();
        SeriesSummary unnamed = new Series("3").thickness(1.25).build();

        SeriesChoice choice = SeriesChooser.choose(List.of(abdomen, unnamed));

        assertThat(choice.series()).hasValue(unnamed);
        assertThat(choice.reason()).isEqualTo("not named as another body region (no description; series 2:"
                + " \"ABD PELVIS 0.625\")");
    }

    @Test
    void seriesNamingTheChestBesideOtherRegionsStays() {
        SeriesSummary tap = new Series("2").described("Thorax Abdomen Pelvis").thickness(0.625).build();
        SeriesSummary unnamed = new Series("3").thickness(1.25).build();

        assertThat(SeriesChooser.choose(List.of(tap, unnamed)).series()).hasValue(tap);
    }

    @Test
    void thinnestSlicesWinAmongSeriesCoveringTheLungs() {
        SeriesSummary thick = new Series("2").thickness(5).build();
        SeriesSummary thin = new Series("3").thickness(1.25).build();

        SeriesChoice choice = SeriesChooser.choose(List.of(thick, thin));

        assertThat(choice.series()).hasValue(thin);
        assertThat(choice.reason()).isEqualTo("thin slices (1.25 mm; series 2: 5 mm)");
    }

    @Test
    void lungKernelWinsOverSlightlyThinnerStandardSlices() {
        SeriesSummary standard = new Series("2").thickness(1).kernel("STANDARD").build();
        SeriesSummary lung = new Series("3").thickness(1.25).kernel("LUNG").build();

        SeriesChoice choice = SeriesChooser.choose(List.of(standard, lung));

        assertThat(choice.series()).hasValue(lung);
        assertThat(choice.reason()).isEqualTo("lung (sharp) kernel (LUNG; series 2: STANDARD)");
    }

    @Test
    void muchThinnerStandardSlicesWinOverAThickSharpKernel() {
        SeriesSummary standard = new Series("2").thickness(0.625).kernel("STANDARD").build();
        SeriesSummary sharp = new Series("3").thickness(5).kernel("B70f").build();

        assertThat(SeriesChooser.choose(List.of(standard, sharp)).series()).hasValue(standard);
    }

    @Test
    void gapsBetweenSlicesCountAsThickness() {
        SeriesSummary gapped = new Series("2").thickness(1).every(10).build();
        SeriesSummary contiguous = new Series("3").thickness(5).build();

        SeriesChoice choice = SeriesChooser.choose(List.of(gapped, contiguous));

        assertThat(choice.series()).hasValue(contiguous);
        assertThat(choice.reason()).isEqualTo("thin slices (5 mm; series 2: 1 mm every 10 mm)");
    }

    @Test
    void chestSeriesWinsOverAThoraxAbdomenPelvisSeriesOfTheSameSlices() {
        SeriesSummary wholeBody = new Series("2").z(-650, 50).thickness(1.25).build();
        SeriesSummary chest = new Series("3").z(-260, 50).thickness(1.25).build();

        SeriesChoice choice = SeriesChooser.choose(List.of(wholeBody, chest));

        assertThat(choice.series()).hasValue(chest);
        assertThat(choice.reason()).isEqualTo("reaches least beyond the chest (10 mm beyond; series 2: 400 mm beyond)");
    }

    @Test
    void onlyReadableAxialCtSeriesAreCandidates() {
        SeriesSummary scout = new Series("1").localizer().build();
        SeriesSummary coronal = new Series("2").orientation(SeriesOrientation.CORONAL).thickness(0.5).build();
        SeriesSummary pet = new Series("3").modality("PT").build();
        SeriesSummary broken = new Series("4").problem("inconsistent slice geometry: ...").build();
        SeriesSummary axial = new Series("5").thickness(5).build();

        SeriesChoice choice = SeriesChooser.choose(List.of(scout, coronal, pet, broken, axial));

        assertThat(choice.series()).hasValue(axial);
        assertThat(choice.reason()).isEqualTo("an axial CT series covseg can read (axial CT; series 1: localizer,"
                + " series 2: coronal CT, series 3: PT, series 4: not readable)");
    }

    @Test
    void coronalOnlyStudyIsRefusedPointingToSeries() {
        SeriesSummary coronal = new Series("2").orientation(SeriesOrientation.CORONAL).build();
        SeriesSummary scout = new Series("1").localizer().build();

        SeriesChoice choice = SeriesChooser.choose(List.of(scout, coronal));

        assertThat(choice.series()).isEmpty();
        assertThat(choice.reason()).isEqualTo("no axial CT series to analyse: series 1: localizer (scout) images"
                + " only; series 2: coronal (to read it restacked into axial slices, pass --series 2.25.2)");
        assertThat(choice.line()).isEqualTo(choice.reason());
    }

    @Test
    void studyWithoutCtIsRefused() {
        SeriesChoice choice = SeriesChooser.choose(List.of(new Series("1").modality("MR").build(),
                new Series("2").modality("").build()));

        assertThat(choice.series()).isEmpty();
        assertThat(choice.reason()).isEqualTo("no CT series: found series 1 (MR), series 2 (no modality); covseg reads"
                + " CT only");
    }

    @Test
    void lonelyUnreadableSeriesIsRefusedWithItsOwnProblem() {
        SeriesChoice choice = SeriesChooser.choose(List.of(new Series("1").problem("x.dcm: DICOM file is truncated")
                .build()));

        assertThat(choice.reason()).isEqualTo("x.dcm: DICOM file is truncated");
    }

    @Test
    void lonelySeriesIsTheOnlySeries() {
        SeriesSummary only = new Series("7").build();

        SeriesChoice choice = SeriesChooser.choose(List.of(only));

        assertThat(choice.series()).hasValue(only);
        assertThat(choice.reason()).isEqualTo("the only series");
    }

    @Test
    void equalSeriesGoToTheLowestSeriesNumber() {
        SeriesSummary ten = new Series("10").build();
        SeriesSummary nine = new Series("9").build();

        SeriesChoice choice = SeriesChooser.choose(List.of(ten, nine));

        assertThat(choice.series()).hasValue(nine);
        assertThat(choice.reason()).isEqualTo("first by Series Number (9; series 10: 10)");
    }

    /** A readable axial CT chest series (z −250..50 mm, contiguous 1 mm slices) unless told otherwise. */
    private static final class Series {
        private final String number;
        private String description = "";
        private String modality = "CT";
        private String kernel = "";
        private SeriesOrientation orientation = SeriesOrientation.AXIAL;
        private boolean localizer;
        private double thickness = 1;
        private double spacing = Double.NaN;
        private double zMin = -250;
        private double zMax = 50;
        private String problem = "";

        Series(String number) {
            this.number = number;
        }

        Series z(double lowest, double highest) {
            zMin = lowest;
            zMax = highest;
            return this;
        }

        Series thickness(double mm) {
            thickness = mm;
            return this;
        }

        Series every(double mm) {
            spacing = mm;
            return this;
        }

        Series kernel(String name) {
            kernel = name;
            return this;
        }

        Series described(String text) {
            description = text;
            return this;
        }

        Series orientation(SeriesOrientation plane) {
            orientation = plane;
            return this;
        }

        Series localizer() {
            localizer = true;
            return this;
        }

        Series modality(String name) {
            modality = name;
            return this;
        }

        Series problem(String why) {
            problem = why;
            return this;
        }

        SeriesSummary build() {
            double step = Double.isNaN(spacing) ? thickness : spacing;
            int slices = (int) Math.round((zMax - zMin) / step) + 1;
            return new SeriesSummary("2.25." + number, number, description, modality, kernel, "", orientation,
                    localizer, slices, thickness, step, zMin, zMax, List.of(), problem);
        }
    }
}
