package org.covseg.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.covseg.CovsegException;
import org.covseg.data.ClassifiedSlice;
import org.covseg.data.Datasets;
import org.covseg.data.SliceDataset;
import org.covseg.data.Split;
import org.covseg.data.Splits;
import org.covseg.engine.EngineSetup;
import org.covseg.engine.Numerics;
import org.covseg.model.ModelDir;
import org.covseg.model.ModelSpec;
import org.covseg.nn.DetectionNet;
import org.covseg.nn.NetworkSize;

/**
 * Trains the slice-level COVID-19 detector ({@link DetectionNet}) on an image-level labeled dataset (UCSD
 * COVID-CT layout), end to end: a split by source within each class (no source on both sides, both classes on
 * each side), images prepared once, the backbone
 * optionally initialised from the {@code resnet.*} weights of an Inf-Net (e.g. from self-supervised pre-training),
 * the {@link Trainer} run in the run directory with validation AUC selecting the best epoch, and the best epoch
 * exported as a model directory ({@code <run>/model}, task "detect").
 *
 * <p>Training uses one scale (the input size) and no augmentation. The split is written to
 * {@code <run>/split.json} and reused on {@code --resume}.
 */
public final class DetectionTraining {

    /** Everything a detection training run is made of. */
    public record Request(Path data, Path runDirectory, double validationFraction, NetworkSize network,
                          float dropout, TrainingOptions options, Path init, int threads, boolean resume,
                          String modelName, String command) {
    }

    private DetectionTraining() {
    }

    /** Runs (or resumes) the training; returns the exported model directory, or null if it was stopped early. */
    public static Path run(Request r, PrintWriter log) throws IOException {
        EngineSetup.threads(r.threads());
        EngineSetup.seed((int) r.options().seed());
        SliceDataset<ClassifiedSlice> dataset = Datasets.openClassification(r.data());
        if (r.validationFraction() <= 0) {
            throw new CovsegException("--val-fraction must be above 0 for detection: validation AUC selects the"
                    + " best epoch");
        }
        Split split = TrainingRun.split(r.runDirectory(), r.resume(), () -> Splits.byGroupWithinClasses(
                dataset.names(), dataset::group, DetectionTraining::folder, r.validationFraction(),
                r.options().seed()));
        log.printf("%s: %d training and %d validation images, split by source (in %s)%n", dataset.description(),
                split.train().size(), split.validation().size(), r.runDirectory().resolve(TrainingRun.SPLIT_FILE));

        ModelSpec spec = ModelSpec.detection(r.modelName(), r.network(), trainingInfo(r, dataset, split), Map.of());
        int size = r.options().trainSize();
        ClassifiedTrainingSet train = new ClassifiedTrainingSet(dataset.select(split.train()).loadAll(), spec, size);
        ClassifiedTrainingSet validation = new ClassifiedTrainingSet(
                dataset.select(split.validation()).loadAll(), spec, size);

        try (NDManager manager = Numerics.newManager()) {
            DetectionNet net = new DetectionNet(r.network(), r.dropout());
            net.initialize(manager, DataType.FLOAT32, r.network().inputShape(1));
            if (r.init() != null && !r.resume()) {
                net.loadBackbone(TrainingRun.initWeights(r.init()));
                log.println("backbone initialised from " + r.init());
            }
            Trainer trainer = new Trainer(net, manager, new DetectionObjective(), (x, h, w) -> {
                throw new IllegalStateException("detection trains at one size");
            }, r.options(), r.runDirectory());
            if (!TrainingRun.fit(trainer, train, validation, new DetectionValidator(), r.resume(), log)) {
                return null;
            }
            TrainingRun.Exported exported = TrainingRun.best(trainer, net, manager, spec.training());
            Path modelDir = r.runDirectory().resolve("model");
            ModelDir.save(modelDir, ModelSpec.detection(spec.name(), r.network(), exported.training(),
                    exported.validation()), net);
            log.println("model (" + exported.checkpoint() + " epoch " + exported.epoch() + ") written to "
                    + modelDir);
            return modelDir;
        }
    }

    /** The class folder of a sample name ("CT_COVID/x.png" → "CT_COVID"). */
    private static String folder(String name) {
        return name.substring(0, name.indexOf('/'));
    }

    private static Map<String, Object> trainingInfo(Request r, SliceDataset<ClassifiedSlice> dataset, Split split) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("command", r.command());
        info.put("data", dataset.description());
        info.put("trainImages", split.train().size());
        info.put("validationImages", split.validation().size());
        info.put("split", "by source within each class (" + TrainingRun.SPLIT_FILE + " of the run)");
        info.put("options", r.options());
        info.put("dropout", r.dropout());
        info.put("init", r.init() == null ? "random" : r.init().toString());
        return info;
    }
}
