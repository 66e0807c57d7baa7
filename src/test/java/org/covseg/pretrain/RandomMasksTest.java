package org.covseg.pretrain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RandomMasksTest {

    private static int kept(float[] mask) {
        int n = 0;
        for (float v : mask) {
            n += v == 1 ? 1 : 0;
        }
        return n;
    }

    @Test
    void randomCellsKeepExactlyTheTopThreeQuartersOfWholeCells() {
        float[] mask = new RandomMasks(MaskMode.RANDOM, 0.75, 7).mask(64, 1, 3);
        assertThat(kept(mask)).isEqualTo(12 * 256);
        for (int cy = 0; cy < 4; cy++) {
            for (int cx = 0; cx < 4; cx++) {
                float first = mask[cy * 16 * 64 + cx * 16];
                for (int y = 0; y < 16; y++) {
                    for (int x = 0; x < 16; x++) {
                        assertThat(mask[(cy * 16 + y) * 64 + cx * 16 + x]).isEqualTo(first);
                    }
                }
            }
        }
    }

    @Test
    void masksAreReproducibleAndChangeWithEpochAndSlice() {
        RandomMasks masks = new RandomMasks(MaskMode.RANDOM, 0.75, 7);
        assertThat(masks.mask(128, 2, 5)).isEqualTo(new RandomMasks(MaskMode.RANDOM, 0.75, 7).mask(128, 2, 5));
        assertThat(masks.mask(128, 2, 5)).isNotEqualTo(masks.mask(128, 3, 5));
        assertThat(masks.mask(128, 2, 5)).isNotEqualTo(masks.mask(128, 2, 6));
    }

    @Test
    void cutoutErasesOneRectangleOfTheErasedShare() {
        for (int index = 0; index < 20; index++) {
            float[] mask = new RandomMasks(MaskMode.CUTOUT, 0.75, 3).mask(100, 1, index);
            int erased = 10_000 - kept(mask);
            int top = 100;
            int bottom = -1;
            int left = 100;
            int right = -1;
            for (int p = 0; p < mask.length; p++) {
                if (mask[p] == 0) {
                    top = Math.min(top, p / 100);
                    bottom = Math.max(bottom, p / 100);
                    left = Math.min(left, p % 100);
                    right = Math.max(right, p % 100);
                }
            }
            assertThat(erased).isEqualTo((bottom - top + 1) * (right - left + 1));
            assertThat(erased).isBetween(2_400, 2_600);
            double aspect = (right - left + 1) / (double) (bottom - top + 1);
            assertThat(aspect).isBetween(0.45, 2.2);
        }
    }
}
