package org.covseg.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.covseg.evaluation.ClassResult;
import org.covseg.evaluation.EvaluationRun;
import org.covseg.evaluation.PredictionPair;
import org.covseg.evaluation.TruthMask;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;

class DiceChartTest {

    private static final TruthMask TRUTH = new TruthMask(new boolean[] {true, true, false, false}, 2, 2);

    @Test
    void barsRunFromWorstToBestWithTheMeanAsALine() {
        // Dice: "one" predicts 1 of 2 truth pixels (2/3), "none" nothing (0), "all" exactly the truth (1).
        ClassResult result = new EvaluationRun().evaluate(List.of(
                PredictionPair.ofProbabilities("one", new float[] {1, 0, 0, 0}, TRUTH),
                PredictionPair.ofProbabilities("none", new float[4], TRUTH),
                PredictionPair.ofProbabilities("all", new float[] {1, 1, 0, 0}, TRUTH))).classes().get(0);
        CategoryChart chart = DiceChart.chart(result, 0.5);
        CategorySeries bars = chart.getSeriesMap().get("Dice");
        assertThat(List.<Object>copyOf(bars.getXData())).containsExactly("none", "one", "all");
        assertThat(List.<Object>copyOf(bars.getYData())).containsExactly(0.0, 2 / 3.0, 1.0);
        assertThat(chart.getSeriesMap()).containsKey("mean 0.556");
        assertThat(DiceChart.png(result, 0.5)).startsWith(0x89, 'P', 'N', 'G');
    }
}
