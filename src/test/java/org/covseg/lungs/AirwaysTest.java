package org.covseg.lungs;

import static org.assertj.core.api.Assertions.assertThat;

import org.covseg.image.Volume;
import org.covseg.image.Voxels;
import org.covseg.phantom.Phantom;
import org.covseg.phantom.PhantomConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trachea of a phantom joined to its right lung by an air corridor, as real airways are joined to the lungs
 * through the bronchi: the airway must still be left out of the lungs.
 */
class AirwaysTest {

    private static Phantom phantom;
    private static Volume ct;
    private static int tracheaI;
    private static int tracheaJ;
    private static int corridorK;

    @BeforeAll
    static void joinTheTracheaToTheRightLung() {
        phantom = Phantom.generate(PhantomConfig.defaults());
        ct = phantom.ct().copy();
        int top = ct.depth() - 1;
        double best = Double.POSITIVE_INFINITY;
        for (int j = 0; j < ct.height(); j++) {
            for (int i = 0; i < ct.width(); i++) {
                double off = Math.abs(i - ct.width() / 2.0) + Math.abs(j - ct.height() / 2.0);
                if (ct.get(i, j, top) < Airways.LUMEN_HU && off < best) {
                    best = off;
                    tracheaI = i;
                    tracheaJ = j;
                }
            }
        }
        corridorK = top;
        while (corridorK > 0 && ct.get(tracheaI, tracheaJ, corridorK - 1) < Airways.LUMEN_HU) {
            corridorK--;
        }
        for (int i = tracheaI; i >= 0 && phantom.lungs().get(i, tracheaJ, corridorK) == 0; i--) {
            for (int j = tracheaJ - 1; j <= tracheaJ + 1; j++) {
                ct.set(i, j, corridorK, -1000);
            }
        }
    }

    @Test
    void theCorridorReallyJoinsTracheaAndLung() {
        assertThat(phantom.lungs().get(tracheaI - 20, tracheaJ, corridorK)).isZero();
        int i = tracheaI;
        while (ct.get(i, tracheaJ, corridorK) < LungSegmenter.AIR_THRESHOLD_HU
                && phantom.lungs().get(i, tracheaJ, corridorK) == 0) {
            i--;
        }
        assertThat(phantom.lungs().get(i, tracheaJ, corridorK)).isEqualTo(1);
    }

    @Test
    void tracheaIsFoundFromTheTopAndGrownWithoutLeakingIntoTheLungs() {
        ScanGrid g = ScanGrid.of(ct);
        float[] hu = ct.toArray();
        boolean[] body = BodyMask.of(Voxels.of(hu), g, LungSegmenter.AIR_THRESHOLD_HU, Framing.BODY);
        boolean[] air = new boolean[hu.length];
        for (int p = 0; p < hu.length; p++) {
            air[p] = body[p] && hu[p] < LungSegmenter.AIR_THRESHOLD_HU;
        }
        boolean[] airway = Airways.find(Voxels.of(hu), air, body, g, LungSegmenter.AIR_THRESHOLD_HU);
        long inLungs = 0;
        long size = 0;
        float[] truth = phantom.lungs().toArray();
        for (int p = 0; p < airway.length; p++) {
            size += airway[p] ? 1 : 0;
            inLungs += airway[p] && truth[p] != 0 ? 1 : 0;
        }
        assertThat(airway[tracheaI + g.width() * tracheaJ + g.sliceSize() * (ct.depth() - 1)]).isTrue();
        assertThat(size).isGreaterThan(100);
        assertThat(inLungs).isLessThan(size / 10);
    }

    @Test
    void theLungsLeaveTheTracheaOut() {
        Volume lungs = new LungSegmenter().segment(ct);
        for (int k = corridorK + 1; k < ct.depth(); k++) {
            assertThat(lungs.get(tracheaI, tracheaJ, k)).as("trachea in slice %d", k).isZero();
        }
        assertThat(LungOverlap.dice(phantom.lungs(), lungs, 1)).isGreaterThan(0.97);
        assertThat(LungOverlap.dice(phantom.lungs(), lungs, 2)).isGreaterThan(0.97);
    }
}
