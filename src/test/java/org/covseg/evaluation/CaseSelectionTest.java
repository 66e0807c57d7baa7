package org.covseg.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.covseg.metrics.Confusion;
import org.covseg.metrics.ImageEvaluation;
import org.junit.jupiter.api.Test;

class CaseSelectionTest {

    @Test
    void keepsTheWorstAndTheBestByDice() {
        CaseSelection selection = new CaseSelection(2, 1);
        // 10 truth pixels, TP found, no false positive: Dice = 2TP / (TP + 10) grows with TP.
        int[] truePositives = {5, 1, 9, 3, 10, 0};
        for (int i = 0; i < truePositives.length; i++) {
            selection.offer(item("c" + i, truePositives[i]));
        }
        assertThat(names(selection.worst())).containsExactly("c5", "c1");
        assertThat(names(selection.best())).containsExactly("c4");
    }

    @Test
    void tiesGoToTheEarlierCaseAndNoCaseIsBoth() {
        CaseSelection selection = new CaseSelection(4, 2);
        for (int i = 0; i < 7; i++) {
            selection.offer(item("c" + i, 10));
        }
        assertThat(names(selection.worst())).containsExactly("c0", "c1", "c2", "c3");
        assertThat(names(selection.best())).containsExactly("c4", "c5");
    }

    @Test
    void fewerCasesThanPlacesFillTheWorstFirst() {
        CaseSelection selection = new CaseSelection(4, 2);
        int[] truePositives = {7, 2, 9, 4, 8};
        for (int i = 0; i < truePositives.length; i++) {
            selection.offer(item("c" + i, truePositives[i]));
        }
        assertThat(names(selection.worst())).containsExactly("c1", "c3", "c0", "c4");
        assertThat(names(selection.best())).containsExactly("c2");
    }

    private static GalleryCase item(String name, int truePositives) {
        ImageEvaluation scores = new ImageEvaluation(name, null, new Confusion(truePositives, 0, 10 - truePositives,
                90), 0);
        return new GalleryCase(null, scores);
    }

    private static List<String> names(List<GalleryCase> cases) {
        return cases.stream().map(c -> c.scores().name()).toList();
    }
}
