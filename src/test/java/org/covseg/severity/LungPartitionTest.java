package org.covseg.severity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.covseg.severity.LungRegion.*;

import java.util.EnumMap;
import java.util.Map;
import org.covseg.lungs.LungSide;
import org.junit.jupiter.api.Test;

class LungPartitionTest {

    /** A 4 (i) x 4 (j) x 12 (k) box lung starting at {@code min}: sixths of 2 slices, halves of 2 voxels. */
    private static LungPartition box(LungSide side, int i0, int j0, int k0) {
        return new LungPartition(side, new int[] {i0, j0, k0}, new int[] {i0 + 3, j0 + 3, k0 + 11});
    }

    private static Map<LungRegion, Integer> sizes(LungPartition p, int i0, int j0, int k0) {
        Map<LungRegion, Integer> n = new EnumMap<>(LungRegion.class);
        for (int k = k0; k < k0 + 12; k++) {
            for (int j = j0; j < j0 + 4; j++) {
                for (int i = i0; i < i0 + 4; i++) {
                    n.merge(p.regionAt(i, j, k), 1, Integer::sum);
                }
            }
        }
        return n;
    }

    @Test
    void cutsCompareVoxelCentresAsExactFractions() {
        // extent 12, cut 1/3 = 4 slices: centre of offset 3 is 3.5/12 < 1/3, of offset 4 is 4.5/12 >= 1/3
        assertThat(LungPartition.atOrAbove(3, 12, 1, 3)).isFalse();
        assertThat(LungPartition.atOrAbove(4, 12, 1, 3)).isTrue();
        // extent 3, cut 1/2: the middle voxel's centre 1.5/3 lies exactly on the cut and goes to the upper part
        assertThat(LungPartition.atOrAbove(1, 3, 1, 2)).isTrue();
        assertThat(LungPartition.atOrAbove(0, 3, 1, 2)).isFalse();
        // extent 12, cut 5/6 = 10 slices: offset 9 (9.5/12 = 0.79) below, offset 10 (10.5/12 = 0.875) above
        assertThat(LungPartition.atOrAbove(9, 12, 5, 6)).isFalse();
        assertThat(LungPartition.atOrAbove(10, 12, 5, 6)).isTrue();
    }

    @Test
    void rightBoxLungSplitsIntoTheDocumentedRegionSizes() {
        // 192 voxels: apical = top sixth (2 slices x 16) = 32; posterior, anterior = 2 slices x 2 rows x 4 = 16;
        // middle band (4 slices): superior lower lobe = posterior half 4 x 2 x 4 = 32, middle lobe lateral and
        // medial 4 x 2 x 2 = 16 each; lower band (4 slices): four quadrants 4 x 2 x 2 = 16 each.
        Map<LungRegion, Integer> n = sizes(box(LungSide.RIGHT, 0, 0, 0), 0, 0, 0);
        assertThat(n).containsExactlyInAnyOrderEntriesOf(Map.of(
                RIGHT_APICAL, 32, RIGHT_POSTERIOR, 16, RIGHT_ANTERIOR, 16,
                RIGHT_LATERAL_MIDDLE, 16, RIGHT_MEDIAL_MIDDLE, 16, RIGHT_SUPERIOR_LOWER, 32,
                RIGHT_MEDIAL_BASAL, 16, RIGHT_ANTERIOR_BASAL, 16, RIGHT_LATERAL_BASAL, 16, RIGHT_POSTERIOR_BASAL, 16));
    }

    @Test
    void leftBoxLungSplitsTheLingulaCranioCaudally() {
        // as the right lung, with lingula superior = slices 6..7 and inferior = slices 4..5, 2 slices x 2 rows x 4
        Map<LungRegion, Integer> n = sizes(box(LungSide.LEFT, 6, 0, 0), 6, 0, 0);
        assertThat(n).containsExactlyInAnyOrderEntriesOf(Map.of(
                LEFT_APICAL, 32, LEFT_POSTERIOR, 16, LEFT_ANTERIOR, 16,
                LEFT_SUPERIOR_LINGULAR, 16, LEFT_INFERIOR_LINGULAR, 16, LEFT_SUPERIOR_LOWER, 32,
                LEFT_MEDIAL_BASAL, 16, LEFT_ANTERIOR_BASAL, 16, LEFT_LATERAL_BASAL, 16, LEFT_POSTERIOR_BASAL, 16));
    }

    @Test
    void boundaryVoxelsFallOnTheDocumentedSide() {
        LungPartition right = box(LungSide.RIGHT, 0, 0, 0);
        // i runs patient right -> left: the right lung's lateral edge is its smallest i
        assertThat(right.regionAt(0, 0, 0)).isEqualTo(RIGHT_ANTERIOR_BASAL);   // lateral, anterior, lowest slice
        assertThat(right.regionAt(3, 0, 0)).isEqualTo(RIGHT_MEDIAL_BASAL);     // medial, anterior
        assertThat(right.regionAt(0, 3, 0)).isEqualTo(RIGHT_LATERAL_BASAL);    // lateral, posterior
        assertThat(right.regionAt(3, 3, 0)).isEqualTo(RIGHT_POSTERIOR_BASAL);  // medial, posterior
        assertThat(right.regionAt(1, 1, 3)).isEqualTo(RIGHT_ANTERIOR_BASAL);   // slice 3: 3.5/12 < 1/3
        assertThat(right.regionAt(1, 1, 4)).isEqualTo(RIGHT_LATERAL_MIDDLE);   // slice 4: 4.5/12 >= 1/3; j 1 anterior
        assertThat(right.regionAt(2, 1, 4)).isEqualTo(RIGHT_MEDIAL_MIDDLE);    // i 2: 2.5/4 >= 1/2 medial
        assertThat(right.regionAt(1, 2, 7)).isEqualTo(RIGHT_SUPERIOR_LOWER);   // j 2: 2.5/4 >= 1/2 posterior
        assertThat(right.regionAt(1, 1, 8)).isEqualTo(RIGHT_ANTERIOR);         // slice 8: 8.5/12 >= 2/3
        assertThat(right.regionAt(1, 2, 9)).isEqualTo(RIGHT_POSTERIOR);        // slice 9: 9.5/12 < 5/6
        assertThat(right.regionAt(1, 2, 10)).isEqualTo(RIGHT_APICAL);          // slice 10: 10.5/12 >= 5/6

        LungPartition left = box(LungSide.LEFT, 6, 0, 0);
        // the left lung's lateral edge is its largest i (9), its medial edge its smallest (6)
        assertThat(left.regionAt(9, 0, 0)).isEqualTo(LEFT_ANTERIOR_BASAL);
        assertThat(left.regionAt(6, 0, 0)).isEqualTo(LEFT_MEDIAL_BASAL);
        assertThat(left.regionAt(7, 0, 0)).isEqualTo(LEFT_MEDIAL_BASAL);        // 2 from lateral: 2.5/4 medial
        assertThat(left.regionAt(8, 0, 0)).isEqualTo(LEFT_ANTERIOR_BASAL);      // 1 from lateral: 1.5/4 lateral
        assertThat(left.regionAt(9, 3, 0)).isEqualTo(LEFT_LATERAL_BASAL);
        assertThat(left.regionAt(6, 3, 0)).isEqualTo(LEFT_POSTERIOR_BASAL);
        assertThat(left.regionAt(8, 0, 5)).isEqualTo(LEFT_INFERIOR_LINGULAR);   // slice 5: 5.5/12 < 1/2
        assertThat(left.regionAt(8, 0, 6)).isEqualTo(LEFT_SUPERIOR_LINGULAR);   // slice 6: 6.5/12 >= 1/2
        assertThat(left.regionAt(8, 0, 8)).isEqualTo(LEFT_ANTERIOR);
    }

    @Test
    void thePartitionIsRelativeToTheLungsOwnBox() {
        // the same lung moved to i 20.., j 7.., k 30.. gets the same region at the same place within it
        LungPartition moved = box(LungSide.RIGHT, 20, 7, 30);
        assertThat(sizes(moved, 20, 7, 30)).isEqualTo(sizes(box(LungSide.RIGHT, 0, 0, 0), 0, 0, 0));
        assertThat(moved.regionAt(20, 7, 30)).isEqualTo(RIGHT_ANTERIOR_BASAL);
        assertThat(moved.regionAt(23, 10, 41)).isEqualTo(RIGHT_APICAL);
        assertThat(moved.slices()).isEqualTo(12);
    }

    @Test
    void mirroredPositionsMapToMirroredRegionsAndLobes() {
        LungPartition right = box(LungSide.RIGHT, 0, 0, 0);
        LungPartition left = box(LungSide.LEFT, 0, 0, 0);
        // i 0 is lateral in the right lung and medial in the left lung (same box)
        assertThat(right.regionAt(0, 0, 0).lobe()).isEqualTo(Lobe.RIGHT_LOWER);
        assertThat(left.regionAt(3, 0, 0)).isEqualTo(LEFT_ANTERIOR_BASAL);
        assertThat(left.regionAt(0, 0, 0)).isEqualTo(LEFT_MEDIAL_BASAL);
        assertThat(left.regionAt(0, 0, 4).lobe()).isEqualTo(Lobe.LEFT_UPPER); // lingula belongs to the upper lobe
        assertThat(right.regionAt(0, 0, 4).lobe()).isEqualTo(Lobe.RIGHT_MIDDLE);
        assertThat(LEFT_APICAL.side()).isEqualTo(LungSide.LEFT);
        assertThat(LEFT_APICAL.ordinal() - RIGHT_APICAL.ordinal()).isEqualTo(LungRegion.PER_LUNG);
    }

    @Test
    void descriptionListsEveryRegionWithItsGeometry() {
        assertThat(LungPartition.DESCRIPTION)
                .contains("right lung, apical (stands for S1): fk >= 5/6")
                .contains("left lung, medial basal (stands for medial part of S7+8): fk < 1/3, fj < 1/2, fm >= 1/2")
                .contains("left lung, superior lingular (stands for S4): 1/2 <= fk < 2/3, fj < 1/2");
    }
}
