package org.covseg.report;


import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.covseg.evaluation.Backgrounds;
import org.covseg.evaluation.ClassResult;
import org.covseg.evaluation.EvaluationRun;
import org.covseg.evaluation.PredictionPair;
import org.covseg.evaluation.TestMaps;
import org.covseg.evaluation.TruthMask;
import org.covseg.image.Volume;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class GalleryTest {

    private static final int SIZE = 32;
    private static final int SCALE = Gallery.PANEL / SIZE;
    private static final int TOP = Gallery.HEADER + Gallery.CAPTION;
    private static final int LEFT = Gallery.MARGIN;
    private static final int RIGHT = LEFT + Gallery.PANEL + Gallery.PANEL_GAP;

    /**
     * Ground truth [8, 24)², prediction [12, 24) x [8, 24) with probability 1: at 10x the truth is displayed on
     * [80, 240), so its contour is the two columns 78 and 79, and the prediction's the columns 120 and 121. The
     * maps themselves are scaled bilinearly, so their colours are checked away from the edges.
     */
    @Test
    void drawsTheContoursWhereTheMasksEnd() {
        BufferedImage g = render(Backgrounds.NONE);
        int row = TOP + 16 * SCALE;
        assertThat(rgb(g, LEFT + 77, row)).isEqualTo(Color.BLACK.getRGB());
        assertThat(rgb(g, LEFT + 78, row)).isEqualTo(Gallery.TRUTH.getRGB());
        assertThat(rgb(g, LEFT + 79, row)).isEqualTo(Gallery.TRUTH.getRGB());
        assertThat(rgb(g, LEFT + 100, row)).isEqualTo(Color.BLACK.getRGB());
        assertThat(rgb(g, LEFT + 120, row)).isEqualTo(Gallery.PREDICTION.getRGB());
        assertThat(rgb(g, LEFT + 121, row)).isEqualTo(Gallery.PREDICTION.getRGB());
        assertThat(rgb(g, LEFT + 160, row)).isEqualTo(Color.WHITE.getRGB());
        assertThat(rgb(g, RIGHT + 79, row)).isEqualTo(Gallery.TRUTH.getRGB());
        assertThat(rgb(g, RIGHT + 140, row)).as("no prediction contour on the right")
                .isEqualTo(ProbabilityColours.rgb(1) | 0xFF000000);
        assertThat(rgb(g, RIGHT + 10, row)).isEqualTo(ProbabilityColours.rgb(0) | 0xFF000000);
    }

    @Test
    void showsTheImageUnderTheContoursWhenThereIsOne() {
        Volume ct = Volume.builder(SIZE, SIZE, 1).voxels(TestMaps.rectangle(SIZE, SIZE, 0, 0, SIZE, SIZE, 100))
                .build();
        BufferedImage g = render(name -> name.equals("case") ? Optional.of(ct) : Optional.empty());
        assertThat(rgb(g, LEFT + 160, TOP + 160)).isEqualTo(new Color(100, 100, 100).getRGB());
    }

    @Test
    void layoutHasOneRowPerTwoCases() {
        List<PredictionPair> pairs = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            pairs.add(pair("c" + i));
        }
        ClassResult result = new EvaluationRun().evaluate(pairs).classes().get(0);
        assertThat(result.worst()).hasSize(4);
        assertThat(result.best()).hasSize(2);
        BufferedImage g = Gallery.render(result, 0.5, Backgrounds.NONE);
        assertThat(g.getHeight()).isEqualTo(Gallery.HEADER + 3 * (Gallery.CAPTION + Gallery.PANEL) + 2 * Gallery.CASE_GAP
                + Gallery.MARGIN);
    }

    private static BufferedImage render(Backgrounds backgrounds) {
        ClassResult result = new EvaluationRun().evaluate(List.of(pair("case"))).classes().get(0);
        return Gallery.render(result, 0.5, backgrounds);
    }

    private static PredictionPair pair(String name) {
        float[] truth = TestMaps.rectangle(SIZE, SIZE, 8, 8, 24, 24, 1);
        boolean[] mask = new boolean[truth.length];
        for (int p = 0; p < mask.length; p++) {
            mask[p] = truth[p] > 0;
        }
        return PredictionPair.ofProbabilities(name, TestMaps.rectangle(SIZE, SIZE, 12, 8, 24, 24, 1),
                new TruthMask(mask, SIZE, SIZE));
    }

    private static int rgb(BufferedImage image, int x, int y) {
        return image.getRGB(x, y);
    }
}
