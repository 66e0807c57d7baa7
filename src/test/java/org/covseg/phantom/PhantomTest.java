package org.covseg.phantom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.covseg.image.IntensityUnit;
import org.covseg.image.Reorientation;
import org.covseg.image.Volume;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PhantomTest {

    private static Phantom standard;

    @BeforeAll
    static void generate() {
        standard = Phantom.generate(PhantomConfig.defaults());
    }

    @Test
    void sameSeedGivesTheSameVoxelsAndAnotherSeedDoesNot() {
        Phantom again = Phantom.generate(PhantomConfig.defaults());
        assertThat(again.ct().toArray()).isEqualTo(standard.ct().toArray());
        assertThat(again.lungs().toArray()).isEqualTo(standard.lungs().toArray());
        assertThat(again.infection().toArray()).isEqualTo(standard.infection().toArray());

        Phantom other = Phantom.generate(PhantomConfig.builder().seed(2).build());
        assertThat(other.ct().toArray()).isNotEqualTo(standard.ct().toArray());
        assertThat(other.infection().toArray()).isNotEqualTo(standard.infection().toArray());
    }

    @Test
    void volumesShareTheCanonicalGeometry() {
        Volume ct = standard.ct();
        assertThat(ct.unit()).isEqualTo(IntensityUnit.HU);
        assertThat(new int[] {ct.width(), ct.height(), ct.depth()}).containsExactly(256, 256, 32);
        assertThat(ct.spacing()).containsExactly(1.4, 1.4, 7.5);
        assertThat(Reorientation.toCanonical(ct.affine()).isIdentity()).isTrue();
        for (Volume labels : new Volume[] {standard.lungs(), standard.infection()}) {
            assertThat(labels.unit()).isEqualTo(IntensityUnit.LABEL);
            assertThat(labels.affine()).isEqualTo(ct.affine());
            assertThat(labels.spacing()).containsExactly(ct.spacing());
            assertThat(labels.depth()).isEqualTo(ct.depth());
        }
    }

    @Test
    void rightLungIsOnTheImagesLeftAndSlightlyLarger() {
        double[] sumI = new double[3];
        long[] count = new long[3];
        Volume lungs = standard.lungs();
        for (int k = 0; k < lungs.depth(); k++) {
            for (int j = 0; j < lungs.height(); j++) {
                for (int i = 0; i < lungs.width(); i++) {
                    int label = (int) lungs.get(i, j, k);
                    sumI[label] += i;
                    count[label]++;
                }
            }
        }
        assertThat(sumI[1] / count[1]).isLessThan(lungs.width() / 2.0);
        assertThat(sumI[2] / count[2]).isGreaterThan(lungs.width() / 2.0);
        for (long seed = 1; seed <= 3; seed++) {
            InfectionTruth t = seed == 1 ? standard.truth()
                    : Phantom.generate(PhantomConfig.builder().seed(seed).lesions(0, 0, 0).build()).truth();
            assertThat(t.right().lungVoxels()).as("seed %d", seed)
                    .isGreaterThan(t.left().lungVoxels())
                    .isLessThan(t.left().lungVoxels() * 13 / 10);
        }
    }

    @Test
    void lungsLieInsideTheBodyBetweenDenseWalls() {
        Volume ct = standard.ct();
        Volume lungs = standard.lungs();
        for (int k = 0; k < ct.depth(); k++) {
            for (int j = 0; j < ct.height(); j++) {
                int firstBody = -1;
                int lastBody = -1;
                for (int i = 0; i < ct.width(); i++) {
                    if (ct.get(i, j, k) > -300) {
                        lastBody = i;
                        firstBody = firstBody < 0 ? i : firstBody;
                    }
                }
                for (int i = 0; i < ct.width(); i++) {
                    if (lungs.get(i, j, k) > 0) {
                        assertThat(i).as("lung voxel (%d,%d,%d) inside the body wall", i, j, k)
                                .isGreaterThan(firstBody).isLessThan(lastBody);
                    }
                }
            }
        }
    }

    @Test
    void lungAreaGrowsFromTheBaseAndShrinksTowardTheApex() {
        int depth = standard.lungs().depth();
        long[] area = new long[depth];
        int widest = 0;
        for (int k = 0; k < depth; k++) {
            for (float v : standard.lungs().sliceArray(k)) {
                area[k] += v > 0 ? 1 : 0;
            }
            widest = area[k] > area[widest] ? k : widest;
        }
        assertThat(widest).isBetween(depth / 4, depth * 3 / 4);
        assertThat(area[0]).isZero();
        assertThat(area[depth - 1]).isZero();
        assertThat(area[3]).isLessThan(area[widest] / 2);
        assertThat(area[depth - 3]).isLessThan(area[widest] / 2);
    }

    @Test
    void infectionLiesInsideTheLungsAndIsPresent() {
        float[] lungs = standard.lungs().toArray();
        float[] infection = standard.infection().toArray();
        long infected = 0;
        for (int p = 0; p < lungs.length; p++) {
            if (infection[p] > 0) {
                infected++;
                assertThat(lungs[p]).as("lung label under infected voxel %d", p).isPositive();
            }
        }
        assertThat(infected).isPositive();
        assertThat(standard.truth().total().groundGlassVoxels()).isPositive();
        assertThat(standard.truth().total().consolidationVoxels()).isPositive();
    }

    @Test
    void pleuralConsolidationLiesAgainstTheDenseChestWall() {
        Phantom p = Phantom.generate(PhantomConfig.builder().lesions(0, 2, 2).build());
        assertThat(countInfectedAgainstDenseWall(p)).isPositive();
    }

    /** Infected voxels with an in-plane neighbour outside the lungs that is as dense as soft tissue. */
    private static long countInfectedAgainstDenseWall(Phantom p) {
        Volume inf = p.infection();
        long n = 0;
        int[][] steps = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        for (int k = 0; k < inf.depth(); k++) {
            for (int j = 1; j < inf.height() - 1; j++) {
                for (int i = 1; i < inf.width() - 1; i++) {
                    if (inf.get(i, j, k) == 0) {
                        continue;
                    }
                    for (int[] s : steps) {
                        if (p.lungs().get(i + s[0], j + s[1], k) == 0 && p.ct().get(i + s[0], j + s[1], k) > -200) {
                            n++;
                            break;
                        }
                    }
                }
            }
        }
        return n;
    }

    @Test
    void truthMatchesAnIndependentRecountAndSumsOverSlices() {
        float[] lungs = standard.lungs().toArray();
        float[] infection = standard.infection().toArray();
        long[] lung = new long[3];
        long[] infected = new long[3];
        for (int p = 0; p < lungs.length; p++) {
            lung[(int) lungs[p]]++;
            if (infection[p] > 0) {
                infected[(int) lungs[p]]++;
            }
        }
        InfectionTruth t = standard.truth();
        assertThat(t.right().lungVoxels()).isEqualTo(lung[1]);
        assertThat(t.left().lungVoxels()).isEqualTo(lung[2]);
        assertThat(t.right().percentInfected()).isCloseTo(100.0 * infected[1] / lung[1], within(1e-9));
        assertThat(t.left().percentInfected()).isCloseTo(100.0 * infected[2] / lung[2], within(1e-9));
        assertThat(t.percentInfected()).isCloseTo(100.0 * (infected[1] + infected[2]) / (lung[1] + lung[2]),
                within(1e-9));
        assertThat(t.percentInfected()).isBetween(1.0, 30.0);

        LungInfection summed = new LungInfection(0, 0, 0);
        for (int k = 0; k < standard.ct().depth(); k++) {
            summed = summed.plus(standard.slice(k).truth().total());
        }
        assertThat(summed).isEqualTo(t.total());
    }

    @Test
    void sliceIsATwoDimensionalPhantomSharingTheVoxels() {
        int k = 16;
        Phantom s = standard.slice(k);
        assertThat(s.ct().depth()).isOne();
        assertThat(s.ct().sliceArray(0)).isEqualTo(standard.ct().sliceArray(k));
        assertThat(s.lungs().sliceArray(0)).isEqualTo(standard.lungs().sliceArray(k));
        assertThat(s.ct().affine().apply(3, 4, 0)).containsExactly(standard.ct().affine().apply(3, 4, k));
        assertThat(s.truth().total().lungVoxels()).isPositive();
    }

    @Test
    void aSingleSliceConfigurationCutsThroughBothLungsWithLesions() {
        Phantom p = Phantom.generate(PhantomConfig.builder().grid(256, 1, 1.4, 5).build());
        assertThat(p.ct().depth()).isOne();
        assertThat(p.truth().right().lungVoxels()).isGreaterThan(3000);
        assertThat(p.truth().left().lungVoxels()).isGreaterThan(3000);
        assertThat(p.truth().total().infectedVoxels()).isPositive();
    }

    @Test
    void touchingLungsMeetAtTheAnteriorJunctionOnlyWhenAsked() {
        assertThat(rightLeftContacts(Phantom.generate(PhantomConfig.builder().touchingLungs(true).build())))
                .isPositive();
        assertThat(rightLeftContacts(standard)).isZero();
    }

    /** Right-lung voxels whose in-plane 8-neighbourhood holds a left-lung voxel. */
    private static long rightLeftContacts(Phantom p) {
        Volume lungs = p.lungs();
        long n = 0;
        for (int k = 0; k < lungs.depth(); k++) {
            for (int j = 1; j < lungs.height() - 1; j++) {
                for (int i = 1; i < lungs.width() - 1; i++) {
                    if (lungs.get(i, j, k) != InfectionTruth.RIGHT_LUNG) {
                        continue;
                    }
                    boolean touches = false;
                    for (int dj = -1; dj <= 1; dj++) {
                        for (int di = -1; di <= 1; di++) {
                            touches |= lungs.get(i + di, j + dj, k) == InfectionTruth.LEFT_LUNG;
                        }
                    }
                    n += touches ? 1 : 0;
                }
            }
        }
        return n;
    }

    @Test
    void fullResolutionOptionIsClinicalSize() {
        PhantomConfig c = PhantomConfig.fullResolution();
        assertThat(c.size()).isEqualTo(512);
        assertThat(c.pixelMm()).isEqualTo(0.7);
        assertThat(c.sliceMm()).isEqualTo(5);
        assertThat(c.slices()).isBetween(30, 60);
        assertThat(c.toBuilder().build()).isEqualTo(c);
    }

    @Test
    void rejectsNonsenseConfigurations() {
        assertThatThrownBy(() -> PhantomConfig.builder().grid(16, 10, 1, 1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size");
        assertThatThrownBy(() -> PhantomConfig.builder().grid(256, 10, 0, 1).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("spacing");
        assertThatThrownBy(() -> PhantomConfig.builder().lesions(1, 1, 3).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pleural");
        assertThatThrownBy(() -> PhantomConfig.builder().lesionRadius(10, 5).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("radii");
    }
}
