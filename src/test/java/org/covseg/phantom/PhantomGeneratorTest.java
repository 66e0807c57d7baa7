package org.covseg.phantom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the drawing against the tissue map it was drawn from. */
class PhantomGeneratorTest {

    private static PhantomGenerator.Rendering r;

    @BeforeAll
    static void render() {
        r = PhantomGenerator.render(PhantomConfig.defaults());
    }

    /** HU values of voxels of a tissue that are surrounded in-plane by the same tissue (no partial volume). */
    private static float[] interiorHu(Tissue tissue) {
        VoxelGrid g = r.grid();
        byte code = tissue.code();
        float[] values = new float[g.voxelCount()];
        int n = 0;
        for (int k = 0; k < g.depth(); k++) {
            for (int j = 1; j < g.height() - 1; j++) {
                for (int i = 1; i < g.width() - 1; i++) {
                    int p = g.index(i, j, k);
                    if (r.tissue()[p] == code && r.tissue()[p - 1] == code && r.tissue()[p + 1] == code
                            && r.tissue()[p - g.width()] == code && r.tissue()[p + g.width()] == code
                            && r.infection()[p] == 0) {
                        values[n++] = r.hu()[p];
                    }
                }
            }
        }
        float[] out = Arrays.copyOf(values, n);
        Arrays.sort(out);
        return out;
    }

    private static float quantile(float[] sorted, double q) {
        return sorted[(int) Math.round(q * (sorted.length - 1))];
    }

    @Test
    void everyTissueHasItsAttenuation() {
        Map<Tissue, float[]> range = new EnumMap<>(Tissue.class);
        range.put(Tissue.AIR, new float[] {-1010, -990});
        range.put(Tissue.FAT, new float[] {-120, -80});
        range.put(Tissue.MUSCLE, new float[] {20, 60});
        range.put(Tissue.BONE, new float[] {700, 1000});
        range.put(Tissue.CORTICAL_BONE, new float[] {700, 1050});
        range.put(Tissue.CANCELLOUS_BONE, new float[] {350, 600});
        range.put(Tissue.HEART, new float[] {25, 65});
        range.put(Tissue.MEDIASTINAL_FAT, new float[] {-110, -60});
        range.put(Tissue.AIRWAY, new float[] {-1010, -950});
        range.put(Tissue.LIVER, new float[] {40, 80});
        range.put(Tissue.LUNG_RIGHT, new float[] {-880, -820});
        range.put(Tissue.LUNG_LEFT, new float[] {-880, -820});
        range.forEach((tissue, limits) -> {
            float[] hu = interiorHu(tissue);
            assertThat(hu.length).as("%s voxels", tissue).isGreaterThan(20);
            assertThat(quantile(hu, 0.5)).as("median HU of %s", tissue).isBetween(limits[0], limits[1]);
        });
    }

    @Test
    void lungParenchymaHasATextureOfThirtyToFiftyHu() {
        for (Tissue lung : new Tissue[] {Tissue.LUNG_RIGHT, Tissue.LUNG_LEFT}) {
            float[] hu = interiorHu(lung);
            double robustStd = (quantile(hu, 0.75) - quantile(hu, 0.25)) / 1.349;
            assertThat(robustStd).as("%s texture", lung).isBetween(30.0, 50.0);
        }
    }

    @Test
    void lesionVoxelsHaveLesionAttenuation() {
        float[] groundGlass = huWhereInfection(1);
        float[] consolidation = huWhereInfection(2);
        assertThat(quantile(groundGlass, 0.5)).isBetween(-700f, -300f);
        assertThat(quantile(groundGlass, 0.05)).isGreaterThan(-800f);
        assertThat(quantile(consolidation, 0.5)).isBetween(-100f, 50f);
        assertThat(quantile(consolidation, 0.05)).isGreaterThan(-400f);
    }

    private static float[] huWhereInfection(int label) {
        float[] values = new float[r.hu().length];
        int n = 0;
        for (int p = 0; p < values.length; p++) {
            if (r.infection()[p] == label) {
                values[n++] = r.hu()[p];
            }
        }
        assertThat(n).as("voxels of infection label %d", label).isPositive();
        float[] out = Arrays.copyOf(values, n);
        Arrays.sort(out);
        return out;
    }

    @Test
    void pleuralLesionsAreCentredOnLungAgainstTheChestWall() {
        VoxelGrid g = r.grid();
        long pleural = r.lesions().stream().filter(Lesion::pleural).count();
        assertThat(pleural).isEqualTo(PhantomConfig.defaults().pleuralLesions());
        for (Lesion lesion : r.lesions()) {
            int i = g.firstI(lesion.x() - 1e-6);
            int j = g.firstJ(lesion.y() - 1e-6);
            int k = g.firstK(lesion.z() - 1e-6);
            int p = g.index(i, j, k);
            assertThat(Tissue.isLung(r.tissue()[p])).isTrue();
            boolean againstWall = false;
            for (int q : new int[] {p - 1, p + 1, p - g.width(), p + g.width()}) {
                againstWall |= Tissue.of(r.tissue()[q]).isChestWall();
            }
            if (lesion.pleural()) {
                assertThat(againstWall).as("pleural lesion at (%d,%d,%d)", i, j, k).isTrue();
                assertThat(r.infection()[p]).as("its centre is infected").isPositive();
            }
        }
    }

    @Test
    void tracheaIsAirInTheMediastinumAboveTheCarina() {
        VoxelGrid g = r.grid();
        int k = g.depth() * 3 / 4;
        int airway = 0;
        for (int j = 0; j < g.height(); j++) {
            for (int i = 0; i < g.width(); i++) {
                int p = g.index(i, j, k);
                if (r.tissue()[p] == Tissue.AIRWAY.code()) {
                    airway++;
                    assertThat(Math.abs(g.x(i))).isLessThan(20);
                }
            }
        }
        assertThat(airway).isGreaterThan(20);
    }
}
