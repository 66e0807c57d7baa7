package org.covseg.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.covseg.report.CurveChart;

/** The loss-curve PNG of a run: train and validation loss (left axis) and one validation score (right) per epoch. */
final class LossChart {

    private LossChart() {
    }

    static void write(Path file, List<EpochRecord> history, String score) throws IOException {
        Function<EpochRecord, Double> trainLoss = r -> r.train().get("loss");
        Function<EpochRecord, Double> valLoss = EpochRecord::validationLoss;
        Function<EpochRecord, Double> valScore = r -> r.validation().get(score);
        new CurveChart("Training", "epoch", "loss", score, 900, 500)
                .left("train loss", epochs(history, trainLoss), values(history, trainLoss))
                .left("val loss", epochs(history, valLoss), values(history, valLoss))
                .right("val " + score, epochs(history, valScore), values(history, valScore))
                .writePng(file);
    }

    private static double[] epochs(List<EpochRecord> history, Function<EpochRecord, Double> value) {
        return history.stream().filter(r -> value.apply(r) != null).mapToDouble(EpochRecord::epoch).toArray();
    }

    private static double[] values(List<EpochRecord> history, Function<EpochRecord, Double> value) {
        return history.stream().map(value).filter(Objects::nonNull).mapToDouble(Double::doubleValue).toArray();
    }
}
