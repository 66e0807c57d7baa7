package org.covseg.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Expected values are PyTorch's F.interpolate(mode='bilinear', antialias=False), worked out by hand. */
class BilinearResizeTest {

    @Test
    void upsamplingTwoToFourAlignCornersFalse() {
        // src = (d + 0.5)·2/4 − 0.5 = -0.25→0, 0.25, 0.75, 1.25→(1, clamped neighbour)
        // x = [0, 10]: 0, 2.5, 7.5, 10
        float[] out = BilinearResize.resize(new float[] {0, 10}, 2, 1, 4, 1, false);
        assertThat(out).containsExactly(new float[] {0, 2.5f, 7.5f, 10}, within(1e-6f));
    }

    @Test
    void upsamplingTwoToFourAlignCornersTrue() {
        // src = d·1/3: 0, 1/3, 2/3, 1 → 0, 3.333, 6.667, 10
        float[] out = BilinearResize.resize(new float[] {0, 10}, 2, 1, 4, 1, true);
        assertThat(out).containsExactly(new float[] {0, 10f / 3, 20f / 3, 10}, within(1e-5f));
    }

    @Test
    void downsamplingByFourSamplesBetweenPixelsWithoutAntialias() {
        // 8 → 2, align_corners=false: src = (d + 0.5)·4 − 0.5 = 1.5, 5.5 → mean of pixels (1,2) and (5,6)
        float[] x = {0, 1, 2, 3, 4, 5, 6, 7};
        assertThat(BilinearResize.resize(x, 8, 1, 2, 1, false)).containsExactly(1.5f, 5.5f);
        // align_corners=true: src = d·7 = 0, 7
        assertThat(BilinearResize.resize(x, 8, 1, 2, 1, true)).containsExactly(0f, 7f);
    }

    @Test
    void oddSizesInTwoDimensions() {
        // 3x2 → 2x3, align_corners=false. x axis: src = (d+0.5)·1.5 − 0.5 = 0.25, 1.75
        // y axis: src = (d+0.5)·2/3 − 0.5 = -1/6→0, 0.5, 7/6→(1, clamped)
        float[] img = {0, 3, 6, 30, 33, 36};
        float[] out = BilinearResize.resize(img, 3, 2, 2, 3, false);
        // row y=0 (source row 0): 0.75·0 + 0.25·3 = 0.75; 0.25·3 + 0.75·6 = 5.25
        // row y=1 (halfway): 15.75, 20.25; row y=2 (source row 1): 30.75, 35.25
        assertThat(out).containsExactly(new float[] {0.75f, 5.25f, 15.75f, 20.25f, 30.75f, 35.25f}, within(1e-5f));
    }

    @Test
    void matrixRowsSumToOne() {
        for (boolean ac : new boolean[] {false, true}) {
            float[] m = BilinearResize.matrix(11, 352, ac);
            for (int d = 0; d < 352; d++) {
                float sum = 0;
                for (int i = 0; i < 11; i++) {
                    sum += m[d * 11 + i];
                }
                assertThat(sum).isEqualTo(1f, within(1e-6f));
            }
        }
    }

    @Test
    void volumeResizeScalesSpacing() {
        Volume v = Volume.builder(4, 2, 1).spacing(0.5, 0.5, 3).build();
        Volume r = BilinearResize.resize(v, 2, 4, false);
        assertThat(r.width()).isEqualTo(2);
        assertThat(r.spacing()).containsExactly(1.0, 0.25, 3.0);
        assertThat(r.affine().apply(1, 1, 0)).containsExactly(-1.0, -0.25, 0.0);
    }

    @Test
    void resizingGivesExactlyTheProductsWithTheInterpolationMatrices() {
        java.util.Random random = new java.util.Random(5);
        int[][] sizes = {{7, 5, 128, 128}, {400, 311, 128, 128}, {128, 128, 400, 311}, {1, 9, 4, 2}, {33, 1, 33, 1}};
        for (int[] z : sizes) {
            float[] src = new float[z[0] * z[1]];
            for (int p = 0; p < src.length; p++) {
                src[p] = random.nextFloat() * 2 - 1;
            }
            for (boolean align : new boolean[] {false, true}) {
                assertThat(BilinearResize.resize(src, z[0], z[1], z[2], z[3], align))
                        .as("%s align %s", java.util.Arrays.toString(z), align)
                        .containsExactly(byMatrices(src, z[0], z[1], z[2], z[3], align));
            }
        }
    }

    /** y = My · (x · Mxᵀ), every product summed over the matrices' non-zero entries in column order. */
    private static float[] byMatrices(float[] src, int w, int h, int nw, int nh, boolean align) {
        float[] mx = BilinearResize.matrix(w, nw, align);
        float[] my = BilinearResize.matrix(h, nh, align);
        float[] rows = new float[h * nw];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < nw; x++) {
                float sum = 0;
                for (int i = 0; i < w; i++) {
                    if (mx[x * w + i] != 0) {
                        sum += mx[x * w + i] * src[y * w + i];
                    }
                }
                rows[y * nw + x] = sum;
            }
        }
        float[] out = new float[nh * nw];
        for (int y = 0; y < nh; y++) {
            for (int x = 0; x < nw; x++) {
                float sum = 0;
                for (int i = 0; i < h; i++) {
                    if (my[y * h + i] != 0) {
                        sum += my[y * h + i] * rows[i * nw + x];
                    }
                }
                out[y * nw + x] = sum;
            }
        }
        return out;
    }
}
