package org.covseg.metrics;

/** Pixel counts of a binary prediction against a binary ground truth. */
public record Confusion(long tp, long fp, long fn, long tn) {

    public Confusion {
        if (tp < 0 || fp < 0 || fn < 0 || tn < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + tp + ", " + fp + ", " + fn + ", " + tn);
        }
    }

    public static Confusion of(boolean[] predicted, boolean[] truth) {
        Shapes.requireSameLength("the prediction", predicted.length, "the ground truth", truth.length);
        long tp = 0;
        long fp = 0;
        long fn = 0;
        for (int p = 0; p < truth.length; p++) {
            if (predicted[p]) {
                if (truth[p]) {
                    tp++;
                } else {
                    fp++;
                }
            } else if (truth[p]) {
                fn++;
            }
        }
        return new Confusion(tp, fp, fn, truth.length - tp - fp - fn);
    }

    public long total() {
        return tp + fp + fn + tn;
    }

    public long predictedPositives() {
        return tp + fp;
    }

    public long actualPositives() {
        return tp + fn;
    }
}
