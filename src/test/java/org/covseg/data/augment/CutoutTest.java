package org.covseg.data.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CutoutTest {

    @Test
    void coversTheRequestedAreaFractionToTheNearestPixelSide() {
        SplittableRandom random = new SplittableRandom(3);
        for (int size : new int[] {32, 100, 352}) {
            for (double fraction : new double[] {0.4, 0.5}) {
                for (int n = 0; n < 50; n++) {
                    Cutout hole = Cutout.draw(fraction, size, random);
                    assertThat(hole.left()).isBetween(0, size - hole.side());
                    assertThat(hole.top()).isBetween(0, size - hole.side());
                    float[] image = new float[2 * size * size];
                    Arrays.fill(image, 1);
                    hole.fill(image, 2, size, 0);
                    long zeros = 0;
                    for (float v : image) {
                        zeros += v == 0 ? 1 : 0;
                    }
                    double covered = zeros / 2.0 / (size * size);
                    // the side is rounded by at most half a pixel
                    double bound = (Math.sqrt(fraction) * size + 0.5) / size;
                    assertThat(Math.abs(covered - fraction)).isLessThanOrEqualTo(bound * bound - fraction);
                }
            }
        }
        assertThat(Cutout.draw(0.5, 100, random).side()).isEqualTo(71);
    }

    @Test
    void fillsTheSameSquareInEveryChannel() {
        float[] image = new float[2 * 16];
        Arrays.fill(image, 1);
        new Cutout(1, 2, 2).fill(image, 2, 4, 7);
        float[] plane = {1, 1, 1, 1, 1, 1, 1, 1, 1, 7, 7, 1, 1, 7, 7, 1};
        assertThat(Arrays.copyOfRange(image, 0, 16)).containsExactly(plane);
        assertThat(Arrays.copyOfRange(image, 16, 32)).containsExactly(plane);
    }

    @Test
    void rejectsFractionsOutsideTheImage() {
        assertThatThrownBy(() -> Cutout.draw(0, 10, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Cutout(14, 0, 4).fill(new float[16 * 16], 1, 16, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
