package org.covseg.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The ROC curve of scores against binary labels: one point (false-positive rate, true-positive rate) for each
 * distinct score taken as the threshold (predicted positive when the score is at or above it), from (0, 0) to
 * (1, 1). Tied scores move both rates at once, which is a diagonal segment (a tie counts one half in the area).
 */
public record RocCurve(double[] falsePositiveRate, double[] truePositiveRate) {

    public RocCurve {
        if (falsePositiveRate.length != truePositiveRate.length) {
            throw new IllegalArgumentException("the rates differ in length");
        }
        falsePositiveRate = falsePositiveRate.clone();
        truePositiveRate = truePositiveRate.clone();
    }

    /** The curve; both classes must be present. */
    public static RocCurve of(double[] scores, boolean[] positive) {
        if (scores.length != positive.length) {
            throw new IllegalArgumentException(scores.length + " scores but " + positive.length + " labels");
        }
        long positives = IntStream.range(0, positive.length).filter(i -> positive[i]).count();
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("a ROC curve needs both positive and negative samples");
        }
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        List<double[]> points = new ArrayList<>();
        points.add(new double[] {0, 0});
        long tp = 0;
        long fp = 0;
        for (int r = 0; r < order.length; r++) {
            if (positive[order[r]]) {
                tp++;
            } else {
                fp++;
            }
            boolean lastOfTie = r + 1 == order.length || scores[order[r + 1]] != scores[order[r]];
            if (lastOfTie) {
                points.add(new double[] {(double) fp / negatives, (double) tp / positives});
            }
        }
        return new RocCurve(points.stream().mapToDouble(p -> p[0]).toArray(),
                points.stream().mapToDouble(p -> p[1]).toArray());
    }

    /** The trapezoidal area under the curve. */
    public double area() {
        double area = 0;
        for (int p = 1; p < falsePositiveRate.length; p++) {
            area += (falsePositiveRate[p] - falsePositiveRate[p - 1])
                    * (truePositiveRate[p] + truePositiveRate[p - 1]) / 2;
        }
        return area;
    }
}
