package org.covseg.lungs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.image.Window;
import org.covseg.phantom.Phantom;
import org.covseg.phantom.PhantomConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lung segmenter against the exact lungs of synthetic chest CTs: several seeds, lungs that touch at the
 * anterior junction, several large consolidations against the chest wall, 8-bit windowed input and single slices.
 */
class LungSegmenterPhantomTest {

    private static final LungSegmenter SEGMENTER = new LungSegmenter();
    private static final List<Phantom> SEPARATE = new ArrayList<>();
    private static final List<Phantom> TOUCHING = new ArrayList<>();
    private static final List<Phantom> LARGE_CONSOLIDATIONS = new ArrayList<>();

    @BeforeAll
    static void generate() {
        for (long seed = 1; seed <= 4; seed++) {
            SEPARATE.add(Phantom.generate(PhantomConfig.builder().seed(seed).build()));
        }
        for (long seed = 1; seed <= 3; seed++) {
            TOUCHING.add(Phantom.generate(PhantomConfig.builder().seed(seed).touchingLungs(true).build()));
        }
        for (long seed = 1; seed <= 2; seed++) {
            LARGE_CONSOLIDATIONS.add(Phantom.generate(PhantomConfig.builder().seed(seed)
                    .lesions(2, 5, 5).lesionRadius(20, 40).build()));
        }
    }

    private static void assertLungsMatch(Phantom p, Volume predicted, double minDice) {
        String what = "seed " + p.config().seed() + (p.config().touchingLungs() ? ", touching" : "");
        assertThat(LungOverlap.dice(p.lungs(), predicted, 1)).as("right lung, " + what).isGreaterThan(minDice);
        assertThat(LungOverlap.dice(p.lungs(), predicted, 2)).as("left lung, " + what).isGreaterThan(minDice);
    }

    @Test
    void labelsEachLungOfSeveralPatients() {
        for (Phantom p : SEPARATE) {
            Volume predicted = SEGMENTER.segment(p.ct());
            assertThat(predicted.unit()).isEqualTo(IntensityUnit.LABEL);
            assertThat(predicted.affine()).isEqualTo(p.ct().affine());
            assertLungsMatch(p, predicted, 0.98);
        }
    }

    @Test
    void rightLungIsLabelOneOnThePatientsRightAtSmallI() {
        Phantom p = SEPARATE.get(0);
        Volume predicted = SEGMENTER.segment(p.ct());
        assertThat(LungOverlap.meanI(predicted, 1)).isLessThan(p.ct().width() / 2.0);
        assertThat(LungOverlap.meanI(predicted, 2)).isGreaterThan(p.ct().width() / 2.0);
        assertThat(LungOverlap.dice(p.lungs(), predicted, 1)).isGreaterThan(0.98);
    }

    @Test
    void splitsLungsThatTouchAtTheAnteriorJunction() {
        for (Phantom p : TOUCHING) {
            assertLungsMatch(p, SEGMENTER.segment(p.ct()), 0.97);
        }
    }

    @Test
    void keepsPleuralConsolidationInsideTheLungs() {
        // Without the network's mask the outline repair alone recovers most consolidation against the chest wall;
        // some lesions fill the lung's whole thickness beside the heart or the diaphragm and stay out (seed 2).
        double sum = 0;
        for (Phantom p : SEPARATE) {
            double inside = LungOverlap.insideLungs(p.infection(), SEGMENTER.segment(p.ct()));
            assertThat(inside).as("seed " + p.config().seed()).isGreaterThan(0.9);
            sum += inside;
        }
        assertThat(sum / SEPARATE.size()).isGreaterThan(0.95);
    }

    @Test
    void theInfectionMaskBringsEveryLesionIntoTheLungItTouches() {
        for (Phantom p : SEPARATE) {
            Volume predicted = SEGMENTER.segment(p.ct(), Optional.of(p.infection()));
            assertThat(LungOverlap.insideLungs(p.infection(), predicted)).isGreaterThan(0.999);
            assertLungsMatch(p, predicted, 0.98);
        }
    }

    @Test
    void largeConsolidationsAgainstTheChestWall() {
        for (Phantom p : LARGE_CONSOLIDATIONS) {
            Volume alone = SEGMENTER.segment(p.ct());
            assertLungsMatch(p, alone, 0.97);
            assertThat(LungOverlap.insideLungs(p.infection(), alone)).isGreaterThan(0.8);
            Volume withMask = SEGMENTER.segment(p.ct(), Optional.of(p.infection()));
            assertLungsMatch(p, withMask, 0.98);
            assertThat(LungOverlap.insideLungs(p.infection(), withMask)).isGreaterThan(0.999);
        }
    }

    @Test
    void eightBitLungWindowedInputGivesTheSameLungs() {
        for (Phantom p : List.of(SEPARATE.get(0), TOUCHING.get(0))) {
            Volume grey = Window.LUNG.apply(p.ct());
            assertThat(grey.unit()).isEqualTo(IntensityUnit.WINDOWED_8BIT);
            assertLungsMatch(p, SEGMENTER.segment(grey), 0.97);
        }
    }

    @Test
    void singleSlicesThroughBothLungs() {
        for (Phantom volume : List.of(SEPARATE.get(0), SEPARATE.get(2), TOUCHING.get(1))) {
            for (int k = 10; k <= 26; k += 4) {
                Phantom slice = volume.slice(k);
                Volume predicted = SEGMENTER.segment(slice.ct());
                assertThat(predicted.depth()).isEqualTo(1);
                assertLungsMatch(slice, predicted, 0.95);
                Volume grey = SEGMENTER.segment(Window.LUNG.apply(slice.ct()));
                assertLungsMatch(slice, grey, 0.95);
            }
        }
    }
}
