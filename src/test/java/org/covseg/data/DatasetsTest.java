package org.covseg.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.covseg.data.SyntheticSlices.flatJpeg;
import static org.covseg.data.SyntheticSlices.grey;
import static org.covseg.data.SyntheticSlices.labels;
import static org.covseg.data.SyntheticSlices.leftColumn;
import static org.covseg.data.SyntheticSlices.ramp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.covseg.CovsegException;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.io.SliceOrientation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetsTest {

    private static final SliceOrientation T = SliceOrientation.TRANSPOSED;
    private static final SliceOrientation D = SliceOrientation.DISPLAY;

    @TempDir
    Path root;

    /** Doctor-label with 2 slices 5 wide, 3 high (canonical), stored transposed like COVID-SemiSeg. */
    private Path semiSegLungInfection(boolean withEdges) throws IOException {
        Path dir = root.resolve("LungInfection-Train/Doctor-label");
        for (int k : new int[] {2, 10}) {
            grey(dir.resolve("Imgs/" + k + ".png"), ramp(5, 3, k), T);
            Volume mask = leftColumn(5, 3, 255);
            grey(dir.resolve("GT/" + k + ".png"), mask, T);
            if (withEdges) {
                grey(dir.resolve("Edge/" + k + ".png"), mask, T);
            }
        }
        return dir;
    }

    @Test
    void semiSegLungInfectionIsTransposedToCanonicalWithZeroOneMasksAndEdges() throws IOException {
        SliceDataset<LabeledSlice> ds = Datasets.open(semiSegLungInfection(true));
        assertThat(ds.names()).containsExactly("2", "10");
        LabeledSlice s = ds.load("10");
        assertThat(s.image().toArray()).containsExactly(ramp(5, 3, 10).toArray());
        assertThat(s.image().unit()).isEqualTo(IntensityUnit.WINDOWED_8BIT);
        assertThat(s.mask().toArray()).containsExactly(leftColumn(5, 3, 1).toArray());
        assertThat(s.edge()).isPresent();
        assertThat(s.edge().get().toArray()).containsExactly(leftColumn(5, 3, 1).toArray());
    }

    @Test
    void semiSegWithoutEdgesIsRecognisedByItsFolderName() throws IOException {
        Path dir = root.resolve("LungInfection-Test");
        grey(dir.resolve("Imgs/1.png"), ramp(4, 2, 0), T);
        grey(dir.resolve("GT/1.png"), leftColumn(4, 2, 255), T);
        assertThat(Layout.detect(dir)).contains(Layout.SEMISEG_LUNG_INFECTION);
        LabeledSlice s = Datasets.open(dir).load(0);
        assertThat(s.edge()).isEmpty();
        assertThat(s.mask().width()).isEqualTo(4);
    }

    @Test
    void semiSegMultiClassKeepsPaletteIndices() throws IOException {
        Path dir = root.resolve("MultiClassInfection-Train");
        grey(dir.resolve("Imgs/3.png"), ramp(4, 2, 0), T);
        Volume classes = Volume.builder(4, 2, 1).voxels(new float[] {0, 1, 2, 0, 2, 2, 1, 0})
                .unit(IntensityUnit.LABEL).build();
        labels(dir.resolve("GT/3.png"), classes, T);
        assertThat(Layout.detect(dir)).contains(Layout.SEMISEG_MULTI_CLASS);
        LabeledSlice s = Datasets.open(dir).load("3");
        assertThat(s.mask().toArray()).containsExactly(classes.toArray());
        assertThat(s.mask().unit()).isEqualTo(IntensityUnit.LABEL);
    }

    @Test
    void semiSegUnlabeledIsGroupedByVolumeAndTransposed() throws IOException {
        Path dir = root.resolve("Unlabeled");
        grey(dir.resolve("Imgs/Data-1_coronacases_org_001_10.png"), ramp(3, 2, 0), T);
        grey(dir.resolve("Imgs/Data-1_coronacases_org_001_9.png"), ramp(3, 2, 1), T);
        grey(dir.resolve("Imgs/Data-1_radiopaedia_org_covid-19-pneumonia-7_85703_0-dcm_4.png"), ramp(3, 2, 2), T);
        assertThatThrownBy(() -> Datasets.open(dir)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("no infection masks");
        SliceDataset<Volume> ds = Datasets.openImages(dir);
        assertThat(ds.names()).containsExactly("Data-1_coronacases_org_001_9", "Data-1_coronacases_org_001_10",
                "Data-1_radiopaedia_org_covid-19-pneumonia-7_85703_0-dcm_4");
        assertThat(ds.group("Data-1_coronacases_org_001_10")).isEqualTo("Data-1_coronacases_org_001");
        assertThat(ds.group("Data-1_radiopaedia_org_covid-19-pneumonia-7_85703_0-dcm_4"))
                .isEqualTo("Data-1_radiopaedia_org_covid-19-pneumonia-7_85703_0-dcm");
        assertThat(ds.load(0).toArray()).containsExactly(ramp(3, 2, 1).toArray());
    }

    @Test
    void imagesOfAnImgsFolderAreReadInItsLayoutsOrientation() throws IOException {
        Path doctorLabel = semiSegLungInfection(false);
        assertThat(Datasets.openImages(doctorLabel.resolve("Imgs")).load("10").toArray())
                .containsExactly(ramp(5, 3, 10).toArray());
        grey(root.resolve("Unlabeled/Imgs/vol_a_3.png"), ramp(3, 2, 0), T);
        SliceDataset<Volume> unlabeled = Datasets.openImages(root.resolve("Unlabeled/Imgs"));
        assertThat(unlabeled.group("vol_a_3")).isEqualTo("vol_a");
        assertThat(unlabeled.load(0).toArray()).containsExactly(ramp(3, 2, 0).toArray());
        Path plain = grey(root.resolve("scans/Imgs/x.png"), ramp(3, 2, 0), D).getParent();
        assertThat(Datasets.openImages(plain).load("x").toArray()).containsExactly(ramp(3, 2, 0).toArray());
    }

    @Test
    void medSegReadsOneBitPaletteMasksAsZeroOneWithoutTransposing() throws IOException {
        Path dir = root.resolve("MedSeg-100-512");
        grey(dir.resolve("Imgs/7.png"), ramp(5, 3, 0), D);
        SyntheticSlices.oneBitPalette(dir.resolve("GT/7.png"), leftColumn(5, 3, 1));
        assertThat(Layout.detect(dir)).contains(Layout.MEDSEG);
        LabeledSlice s = Datasets.open(dir).load(0);
        assertThat(s.image().toArray()).containsExactly(ramp(5, 3, 0).toArray());
        assertThat(s.mask().toArray()).containsExactly(leftColumn(5, 3, 1).toArray());
    }

    @Test
    void genericFoldersPairByBaseNameAcrossExtensions() throws IOException {
        Path dir = root.resolve("mine");
        flatJpeg(dir.resolve("images/case_2.jpg"), 8, 8, 90);
        flatJpeg(dir.resolve("images/case_10.jpg"), 8, 8, 90);
        grey(dir.resolve("masks/case_2.png"), leftColumn(8, 8, 255), D);
        labels(dir.resolve("masks/case_10.png"), leftColumn(8, 8, 2), D);
        Files.writeString(dir.resolve("images/README.txt"), "ignored");
        SliceDataset<LabeledSlice> ds = Datasets.open(dir);
        assertThat(ds.names()).containsExactly("case_2", "case_10");
        assertThat(ds.load("case_2").mask().toArray()).containsExactly(leftColumn(8, 8, 1).toArray());
        assertThat(ds.load("case_10").mask().toArray()).containsExactly(leftColumn(8, 8, 2).toArray());
    }

    @Test
    void missingMasksAreListed() throws IOException {
        Path dir = root.resolve("mine");
        for (int k = 0; k < 8; k++) {
            grey(dir.resolve("images/s" + k + ".png"), ramp(2, 2, k), D);
        }
        grey(dir.resolve("masks/s0.png"), leftColumn(2, 2, 1), D);
        assertThatThrownBy(() -> Datasets.open(dir)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("7 image(s) in " + dir.resolve("images"))
                .hasMessageContaining("s1, s2, s3, s4, s5, … (7 in all)");
    }

    @Test
    void masksWithoutImagesAreListed() throws IOException {
        Path dir = root.resolve("mine");
        grey(dir.resolve("images/a.png"), ramp(2, 2, 0), D);
        for (String mask : new String[] {"a", "b"}) {
            grey(dir.resolve("masks/" + mask + ".png"), leftColumn(2, 2, 1), D);
        }
        assertThatThrownBy(() -> Datasets.open(dir)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("1 mask(s) in " + dir.resolve("masks") + " have no image")
                .hasMessageEndingWith(": b");
    }

    @Test
    void maskOfAnotherSizeIsReportedWithBothFiles() throws IOException {
        Path dir = root.resolve("mine");
        Path image = grey(dir.resolve("images/a.png"), ramp(3, 2, 0), D);
        Path mask = grey(dir.resolve("masks/a.png"), leftColumn(2, 2, 1), D);
        SliceDataset<LabeledSlice> ds = Datasets.open(dir);
        assertThatThrownBy(() -> ds.load(0)).isInstanceOf(CovsegException.class)
                .hasMessage(mask + " is 2x2 but its image " + image + " is 3x2");
    }

    @Test
    void emptyFoldersAreUserErrors() throws IOException {
        Path empty = Files.createDirectories(root.resolve("empty"));
        assertThatThrownBy(() -> Datasets.open(empty)).isInstanceOf(CovsegException.class)
                .hasMessage("dataset folder is empty: " + empty);
        Files.createDirectories(root.resolve("mine/images"));
        Files.createDirectories(root.resolve("mine/masks"));
        assertThatThrownBy(() -> Datasets.open(root.resolve("mine"))).isInstanceOf(CovsegException.class)
                .hasMessageStartingWith("no images (")
                .hasMessageContaining(root.resolve("mine/images").toString());
    }

    @Test
    void unknownLayoutListsTheSupportedOnesAndWhatIsInside() throws IOException {
        semiSegLungInfection(false);
        Path parent = root.resolve("LungInfection-Train");
        assertThatThrownBy(() -> Datasets.open(parent)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("is not a dataset folder")
                .hasMessageContaining("it holds Doctor-label (SEMISEG_LUNG_INFECTION)")
                .hasMessageContaining(Layout.FOLDER_PAIRS.description())
                .hasMessageContaining(Layout.UCSD_COVID_CT.description())
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void missingFolderIsAUserError() {
        Path absent = root.resolve("absent");
        assertThatThrownBy(() -> Datasets.open(absent)).isInstanceOf(CovsegException.class)
                .hasMessage("folder not found: " + absent);
    }

    @Test
    void ucsdLayoutIsClassificationOnly() throws IOException {
        Path dir = root.resolve("UCSD");
        grey(dir.resolve("CT_COVID/2020.02.10.20021584-p6-52%1.png"), ramp(3, 2, 0), D);
        grey(dir.resolve("CT_COVID/2020.02.10.20021584-p6-52%0.png"), ramp(3, 2, 0), D);
        flatJpeg(dir.resolve("CT_NonCOVID/23.jpg"), 4, 4, 50);
        grey(dir.resolve("CT_NonCOVID/23.png"), ramp(2, 5, 0), D);
        assertThatThrownBy(() -> Datasets.open(dir)).hasMessageContaining("no infection masks");
        SliceDataset<ClassifiedSlice> ds = Datasets.openClassification(dir);
        assertThat(ds.names()).containsExactly("CT_COVID/2020.02.10.20021584-p6-52%0.png",
                "CT_COVID/2020.02.10.20021584-p6-52%1.png", "CT_NonCOVID/23.jpg", "CT_NonCOVID/23.png");
        ClassifiedSlice covid = ds.load(1);
        assertThat(covid.label()).isEqualTo(ClassifiedSlice.COVID);
        assertThat(covid.source()).isEqualTo("2020.02.10.20021584");
        assertThat(ds.group(covid.name())).isEqualTo("CT_COVID/2020.02.10.20021584");
        ClassifiedSlice nonCovid = ds.load("CT_NonCOVID/23.png");
        assertThat(nonCovid.label()).isEqualTo(ClassifiedSlice.NON_COVID);
        assertThat(nonCovid.image().width()).isEqualTo(2);
        assertThatThrownBy(() -> Datasets.openClassification(semiSegLungInfection(true)))
                .isInstanceOf(CovsegException.class).hasMessageContaining("CT_COVID/ and CT_NonCOVID/");
    }

    @Test
    void selectKeepsDatasetOrderAndRejectsUnknownNames() throws IOException {
        SliceDataset<LabeledSlice> ds = Datasets.open(semiSegLungInfection(false));
        assertThat(ds.select(java.util.List.of("10", "2")).names()).containsExactly("2", "10");
        assertThatThrownBy(() -> ds.select(java.util.List.of("2", "99"))).isInstanceOf(CovsegException.class)
                .hasMessageContaining("99");
    }
}
