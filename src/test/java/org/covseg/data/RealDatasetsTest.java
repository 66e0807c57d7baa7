package org.covseg.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.covseg.SharedData;
import org.covseg.image.Volume;
import org.junit.jupiter.api.Test;

/** The readers on the real datasets in ../shared (skipped when absent). */
class RealDatasetsTest {

    private static final String SEMISEG = "data/COVID-SemiSeg/TrainingSet/";

    @Test
    void semiSegLungInfectionHas50SlicesWithZeroOneMasksAndEdges() {
        Path dir = SharedData.require(SEMISEG + "LungInfection-Train/Doctor-label");
        SliceDataset<LabeledSlice> ds = Datasets.open(dir);
        assertThat(ds.size()).isEqualTo(50);
        for (LabeledSlice s : ds.loadAll()) {
            assertThat(values(s.mask())).as(s.name()).isSubsetOf(0f, 1f);
            assertThat(s.edge()).isPresent();
            assertThat(values(s.edge().get())).isSubsetOf(0f, 1f);
        }
    }

    @Test
    void semiSegMultiClassHas50SlicesOfLabels012WhoseUnionIsTheBinaryMask() {
        SliceDataset<LabeledSlice> multi = Datasets.open(SharedData.require(SEMISEG + "MultiClassInfection-Train"));
        SliceDataset<LabeledSlice> binary = Datasets.open(SharedData.require(SEMISEG
                + "LungInfection-Train/Doctor-label"));
        assertThat(multi.size()).isEqualTo(50);
        assertThat(multi.names()).isEqualTo(binary.names());
        Set<Float> all = new HashSet<>();
        for (String name : multi.names()) {
            Volume classes = multi.load(name).mask();
            float[] c = classes.toArray();
            float[] infection = binary.load(name).mask().toArray();
            int disagreements = 0;
            for (int p = 0; p < c.length; p++) {
                disagreements += (c[p] > 0 ? 1f : 0f) == infection[p] ? 0 : 1;
            }
            assertThat(disagreements).as("slice %s: pixels where classes > 0 differs from the binary mask", name)
                    .isZero();
            all.addAll(values(classes));
        }
        assertThat(all).containsExactlyInAnyOrder(0f, 1f, 2f);
    }

    @Test
    void semiSegUnlabeledHas1600SlicesFrom20Volumes() {
        SliceDataset<Volume> ds = Datasets.openImages(SharedData.require("data/COVID-SemiSeg/Unlabeled"));
        assertThat(ds.size()).isEqualTo(1600);
        assertThat(ds.names().stream().map(ds::group).distinct().count()).isEqualTo(20);
        for (int i = 0; i < ds.size(); i += 97) {
            Volume v = ds.load(i);
            assertThat(v.depth()).isEqualTo(1);
            assertThat(v.range()[1]).isGreaterThan(100);
        }
    }

    @Test
    void medSegHas52PairsWithZeroOneMasks() {
        SliceDataset<LabeledSlice> ds = Datasets.open(SharedData.require("data/MedSeg-100-512"));
        assertThat(ds.size()).isEqualTo(52);
        Set<Float> all = new HashSet<>();
        for (int i = 0; i < ds.size(); i++) {
            LabeledSlice s = ds.load(i);
            assertThat(s.image().width()).isEqualTo(512);
            assertThat(s.image().height()).isEqualTo(512);
            all.addAll(values(s.mask()));
        }
        assertThat(all).containsExactlyInAnyOrder(0f, 1f);
    }

    @Test
    void ucsdHas349CovidAnd397NonCovidImagesThatAllRead() {
        SliceDataset<ClassifiedSlice> ds = Datasets.openClassification(SharedData.require("data/UCSD-COVID-CT"));
        int covid = 0;
        int nonCovid = 0;
        for (int i = 0; i < ds.size(); i++) {
            ClassifiedSlice s = ds.load(i);
            assertThat(s.image().range()[1]).as(s.name()).isGreaterThan(0);
            if (s.label() == ClassifiedSlice.COVID) {
                covid++;
            } else {
                nonCovid++;
            }
        }
        assertThat(covid).isEqualTo(349);
        assertThat(nonCovid).isEqualTo(397);
        long covidSources = ds.names().stream().filter(n -> n.startsWith("CT_COVID/")).map(ds::group)
                .distinct().count();
        assertThat(covidSources).isBetween(50L, 70L);
    }

    private static Set<Float> values(Volume v) {
        float[] sorted = v.toArray();
        Arrays.sort(sorted);
        Set<Float> set = new HashSet<>();
        for (int p = 0; p < sorted.length; p++) {
            if (p == 0 || sorted[p] != sorted[p - 1]) {
                set.add(sorted[p]);
            }
        }
        return set;
    }
}
