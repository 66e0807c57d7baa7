package org.covseg.data.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.covseg.CovsegException;
import org.junit.jupiter.api.Test;

class AugmentationTest {

    private static final int SIZE = 48;
    private static final Set<Transform> GEOMETRY = EnumSet.of(Transform.FLIP, Transform.ROT90, Transform.ROTATE,
            Transform.CROP);

    /** A black slice with a white off-centre L shape; the mask is the image thresholded, the edge its left column. */
    private static SlicePlanes lShape() {
        float[] grey = new float[SIZE * SIZE];
        float[] mask = new float[SIZE * SIZE];
        float[] edge = new float[SIZE * SIZE];
        for (int y = 8; y < 30; y++) {
            for (int x = 10; x < 20; x++) {
                boolean in = x < 13 || y > 26;
                grey[y * SIZE + x] = in ? 255 : 0;
                mask[y * SIZE + x] = in ? 1 : 0;
                edge[y * SIZE + x] = x == 10 ? 1 : 0;
            }
        }
        return new SlicePlanes(SIZE, grey, mask, edge);
    }

    @Test
    void geometryMovesImageMaskAndEdgeTogether() {
        Augmentation geometry = new Augmentation(GEOMETRY, 0);
        for (int index = 0; index < 20; index++) {
            SlicePlanes out = geometry.apply(lShape(), Augmentation.random(7, 1, index)).planes();
            for (int p = 0; p < SIZE * SIZE; p++) {
                assertThat(out.grey()[p] / 255).as("pixel %d of sample %d", p, index)
                        .isCloseTo(out.mask()[p], within(1e-4f));
                // edge pixels lie in the mask, and interpolation (non-negative weights) keeps it so
                assertThat(out.edge()[p]).isLessThanOrEqualTo(out.mask()[p] + 1e-6f);
            }
            assertThat(sum(out.mask())).isPositive();
            assertThat(sum(out.edge())).isPositive();
        }
    }

    @Test
    void jitterAndCutoutLeaveTheLabelsAlone() {
        SlicePlanes slice = lShape();
        Augmentation.Augmented out = new Augmentation(EnumSet.of(Transform.JITTER), 0.4)
                .apply(slice, Augmentation.random(1, 1, 0));
        assertThat(out.planes().mask()).containsExactly(slice.mask());
        assertThat(out.planes().edge()).containsExactly(slice.edge());
        assertThat(out.planes().grey()).isNotEqualTo(slice.grey());
        assertThat(out.cutout()).isPresent();
        assertThat(out.cutout().get().side()).isEqualTo(30);
    }

    @Test
    void aSampleDependsOnlyOnSeedEpochAndIndex() {
        Augmentation all = Augmentation.of(List.of("all"), 0.5);
        Augmentation.Augmented a = all.apply(lShape(), Augmentation.random(3, 2, 5));
        Augmentation.Augmented again = all.apply(lShape(), Augmentation.random(3, 2, 5));
        assertThat(again.planes().grey()).containsExactly(a.planes().grey());
        assertThat(again.planes().mask()).containsExactly(a.planes().mask());
        assertThat(again.cutout()).isEqualTo(a.cutout());
        assertThat(all.apply(lShape(), Augmentation.random(3, 3, 5)).planes().grey()).isNotEqualTo(a.planes().grey());
        assertThat(all.apply(lShape(), Augmentation.random(3, 2, 6)).planes().grey()).isNotEqualTo(a.planes().grey());
        assertThat(all.apply(lShape(), Augmentation.random(4, 2, 5)).planes().grey()).isNotEqualTo(a.planes().grey());
    }

    @Test
    void noTransformsChangeNothing() {
        SlicePlanes slice = lShape();
        Augmentation.Augmented out = Augmentation.NONE.apply(slice, Augmentation.random(1, 1, 1));
        assertThat(out.planes()).isSameAs(slice);
        assertThat(out.cutout()).isEmpty();
        assertThat(Augmentation.NONE.any()).isFalse();
        assertThat(Augmentation.NONE.describe()).isEqualTo("none");
    }

    @Test
    void parsesCommandLineNames() {
        assertThat(Augmentation.of(List.of("rotate", "Flip"), 0.4))
                .isEqualTo(new Augmentation(EnumSet.of(Transform.FLIP, Transform.ROTATE), 0.4));
        assertThat(Augmentation.of(List.of("rotate", "flip"), 0.4).describe()).isEqualTo("flip, rotate, cutout 0.4");
        assertThat(Augmentation.of(List.of("all"), 0).transforms()).containsExactly(Transform.values());
        assertThatThrownBy(() -> Augmentation.of(List.of("flop"), 0)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("'flop'").hasMessageContaining("flip, rot90, rotate, crop, jitter");
        assertThatThrownBy(() -> Augmentation.of(List.of(), 1.0)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("--cutout");
    }

    private static double sum(float[] plane) {
        double s = 0;
        for (float v : plane) {
            s += v;
        }
        return s;
    }
}
