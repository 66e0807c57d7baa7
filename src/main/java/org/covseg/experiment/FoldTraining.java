package org.covseg.experiment;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.covseg.data.Datasets;
import org.covseg.data.LabeledSlice;
import org.covseg.data.SliceDataset;
import org.covseg.data.Split;
import org.covseg.evaluation.ClassResult;
import org.covseg.evaluation.EvaluationResult;
import org.covseg.evaluation.EvaluationRun;
import org.covseg.evaluation.ModelPredictions;
import org.covseg.model.ModelDir;
import org.covseg.model.ModelSpec;
import org.covseg.report.EvaluationInputs;
import org.covseg.report.EvaluationReport;
import org.covseg.train.CheckpointStore;
import org.covseg.train.InfectionTraining;
import org.covseg.train.MulticlassTraining;
import org.covseg.train.Trainer;
import org.covseg.train.TrainingOptions;

/**
 * One cell on one fold: trains in {@code dir} with the project's training code (resuming when {@code dir} holds a
 * checkpoint), then evaluates the exported model on the fold's validation slices as {@code covseg evaluate --model
 * --data --split} does, writing its report to {@code dir/evaluation}.
 */
final class FoldTraining {

    private static final int BATCH = 4;

    /** The paths a fold starts from: weights to initialise with and, for multiclass, the prior model. */
    record Inputs(Path init, Path prior) {
    }

    private FoldTraining() {
    }

    /** The fold's result, or null if training was stopped (Ctrl-C). */
    static FoldResult run(ExperimentConfig config, Cell cell, int fold, Split split, Inputs inputs, Path dir,
            String command, PrintWriter log) throws IOException {
        boolean resume = Trainer.checkpointsOf(dir).exists(CheckpointStore.LAST);
        log.printf("cell %s, fold %d: %s on %d slices, validating on %d%n", cell.name(), fold,
                resume ? "resuming training" : "training", split.train().size(), split.validation().size());
        TrainingSettings s = cell.settings();
        TrainingOptions options = s.options(config.seed(), config.task().bestMetric());
        String recipe = command + " (cell " + cell.name() + ", fold " + fold + ")";
        Path model = switch (config.task()) {
            case infection -> InfectionTraining.run(new InfectionTraining.Request(config.data(), dir, 0,
                    split.validation(), s.networkSize(), options, s.bce(), inputs.init(), s.threads(), resume,
                    "infection-" + s.arch().option(), recipe, s.arch()), log);
            case multiclass -> MulticlassTraining.run(new MulticlassTraining.Request(config.data(), dir, 0,
                    split.validation(), s.unet(), options, s.classLoss(), inputs.prior(), inputs.init(), s.threads(),
                    resume, "multiclass-unet", recipe), log);
        };
        if (model == null) {
            return null;
        }
        long start = System.nanoTime();
        SliceDataset<LabeledSlice> validation = Datasets.open(config.data()).select(split.validation());
        ModelPredictions predicted = ModelPredictions.of(model, validation, BATCH, n -> { });
        EvaluationResult evaluation = new EvaluationRun().evaluate(predicted.pairs());
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("model", model.toAbsolutePath().normalize().toString());
        sources.put("data", config.data().toAbsolutePath().normalize().toString());
        sources.put("split", dir.resolve("split.json").toAbsolutePath().normalize().toString());
        EvaluationReport.write(dir.resolve("evaluation"), evaluation, new EvaluationInputs("model", sources,
                validation.description(), List.of(), List.of()), predicted.backgrounds());
        double evaluationSeconds = (System.nanoTime() - start) / 1e9;

        ModelSpec spec = ModelDir.readSpec(model);
        Map<String, Map<String, Double>> classes = new LinkedHashMap<>();
        for (ClassResult c : evaluation.classes()) {
            Map<String, Double> scores = new LinkedHashMap<>();
            for (ProtocolMetric m : ProtocolMetric.values()) {
                scores.put(m.key(), m.of(c.summary()));
            }
            classes.put(c.className(), scores);
        }
        Object epoch = entry(spec.validation(), "epoch");
        Object seconds = entry(spec.training(), "seconds");
        Object loss = entry(spec.validation(), "loss");
        return new FoldResult(cell.name(), fold, split.validation(), epoch instanceof Number n ? n.intValue() : 0,
                seconds instanceof Number n ? n.doubleValue() : Double.NaN, evaluationSeconds,
                loss instanceof Number n ? n.doubleValue() : null, classes, notes(inputs, split));
    }

    private static Object entry(Map<String, Object> map, String key) {
        return map == null ? null : map.get(key);
    }

    /** A caveat when the prior model was not validated on (so may have been trained on) this fold's slices. */
    private static List<String> notes(Inputs inputs, Split split) {
        List<String> notes = new ArrayList<>();
        if (inputs.prior() == null) {
            return notes;
        }
        ModelSpec prior = ModelDir.readSpec(inputs.prior());
        Object listed = entry(prior.training(), "validationSlices");
        List<String> unseen = listed instanceof List<?> names ? names.stream().map(String::valueOf).toList()
                : List.of();
        long seen = split.validation().stream().filter(n -> !unseen.contains(n)).count();
        if (seen > 0) {
            notes.add("the prior " + inputs.prior() + " was not validated on " + seen + " of the fold's "
                    + split.validation().size() + " validation slices, so it may have been trained on them");
        }
        return notes;
    }
}
