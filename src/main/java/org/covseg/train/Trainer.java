package org.covseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.covseg.CovsegException;

/**
 * Trains an initialised DJL {@link Block} for an {@link Objective}, writing into a run directory:
 * {@code metrics.csv} ({@link MetricsCsv}), {@code loss.png}, {@code checkpoint/last} after every epoch and
 * {@code checkpoint/best} whenever the validation score named by {@link TrainingOptions#bestMetric} improves.
 *
 * <p>Each epoch visits the training slices ({@link TrainingSet#forEpoch as that epoch sees them}) in a seeded shuffled
 * order ({@link EpochOrder}) in batches. Each batch is
 * trained at every scale of the recipe in turn, one optimiser step per scale: zero the gradients, resize, forward,
 * loss, backward, clamp the gradients on both sides, {@link Adam} step with the epoch's {@link StepLr} rate. Every
 * step's arrays live in a sub-manager closed at the end of the step. After the epoch the model is validated (loss,
 * and the {@link Validator}'s scores of the objective's probability maps).
 *
 * <p>A {@link StopSignal} request ends training at the end of the current step with a checkpoint; {@code fit} with
 * {@code resume} continues from {@code checkpoint/last} exactly where it stopped — same slice order, same optimiser
 * state — so a stopped and resumed run ends with the same weights as an uninterrupted one.
 */
public final class Trainer {

    /** How {@link #fit} ended. */
    public enum Outcome {
        /** All epochs are done. */
        COMPLETED,
        /** A stop was requested; {@code checkpoint/last} holds where training stopped. */
        STOPPED
    }

    private final Block model;
    private final NDManager manager;
    private final Objective objective;
    private final Resizer resizer;
    private final TrainingOptions options;
    private final Path runDirectory;
    private final CheckpointStore checkpoints;
    private final ParameterStore parameterStore;
    private final StopSignal stop = new StopSignal();
    private boolean showProgress = true;
    private EpochListener epochListener = epoch -> { };

    /**
     * @param model     an initialised block (its parameters hold the starting weights)
     * @param manager   the manager holding the model's parameters; per-step managers are made under it
     * @param resizer   resizes batches for the scales other than the training size
     */
    public Trainer(Block model, NDManager manager, Objective objective, Resizer resizer, TrainingOptions options,
            Path runDirectory) {
        this.model = model;
        this.manager = manager;
        this.objective = objective;
        this.resizer = resizer;
        this.options = options;
        this.runDirectory = runDirectory;
        this.checkpoints = checkpointsOf(runDirectory);
        this.parameterStore = new ParameterStore(manager, false);
    }

    /** The checkpoints a trainer keeps in {@code runDirectory}: whether a run there can be resumed, and its history. */
    public static CheckpointStore checkpointsOf(Path runDirectory) {
        return new CheckpointStore(runDirectory.resolve("checkpoint"), new DjlTensorFile());
    }

    /** Whether to draw a progress bar on stderr (on by default). */
    public Trainer showProgress(boolean show) {
        this.showProgress = show;
        return this;
    }

    /** Called after each finished epoch has been checkpointed (for example to draw a picture of the model). */
    public Trainer afterEpoch(EpochListener listener) {
        this.epochListener = listener;
        return this;
    }

    /** Request a stop through this (or use {@link StopSignal#stopOnShutdown} for Ctrl-C). */
    public StopSignal stopSignal() {
        return stop;
    }

    public CheckpointStore checkpoints() {
        return checkpoints;
    }

    /**
     * Trains until all epochs are done or a stop is requested.
     *
     * @param validation slices to validate on after every epoch, or null for none (then no best checkpoint)
     * @param validator  scores the validation predictions; it must return {@link TrainingOptions#bestMetric}
     * @param resume     continue the run in the run directory instead of starting a new one
     */
    public Outcome fit(TrainingSet train, TrainingSet validation, Validator validator, boolean resume)
            throws IOException {
        Map<String, NDArray> weights = ModelArrays.all(model);
        Map<String, NDArray> trainable = ModelArrays.trainable(model);
        try (Adam adam = new Adam(trainable, manager, options.weightDecay())) {
            Session session = new Session(train, validation, validator, weights, trainable.values(), adam);
            TrainingState state = start(resume, weights, adam);
            while (state.epoch() <= options.epochs()) {
                state = session.epoch(state);
                if (stop.isRequested() && state.epoch() <= options.epochs()) {
                    return Outcome.STOPPED;
                }
            }
            return Outcome.COMPLETED;
        }
    }

    private TrainingState start(boolean resume, Map<String, NDArray> weights, Adam adam) throws IOException {
        if (!resume) {
            if (checkpoints.exists(CheckpointStore.LAST)) {
                throw new CovsegException(runDirectory + " already holds a training run ("
                        + checkpoints.location(CheckpointStore.LAST)
                        + "); resume it with --resume, or choose another output directory");
            }
            return TrainingState.fresh(objective.describe(), options);
        }
        if (!checkpoints.exists(CheckpointStore.LAST)) {
            throw new CovsegException("nothing to resume: " + checkpoints.location(CheckpointStore.LAST)
                    + " does not exist");
        }
        TrainingState saved = checkpoints.readState(CheckpointStore.LAST);
        if (!options.sameRecipe(saved.options()) || !objective.describe().equals(saved.objective())) {
            throw new CovsegException("cannot resume " + runDirectory + ": it was started with " + saved.objective()
                    + " " + saved.options() + ", now " + objective.describe() + " " + options
                    + "; only the number of epochs may change");
        }
        checkpoints.load(CheckpointStore.LAST, weights, adam, manager);
        return saved.withOptions(options);
    }

    /** The per-fit state: data, arrays and optimiser. */
    private final class Session {

        private final TrainingSet train;
        private final TrainingSet validation;
        private final Validator validator;
        private final Map<String, NDArray> weights;
        private final Collection<NDArray> trainable;
        private final Adam adam;

        Session(TrainingSet train, TrainingSet validation, Validator validator, Map<String, NDArray> weights,
                Collection<NDArray> trainable, Adam adam) {
            this.train = train;
            this.validation = validation;
            this.validator = validator;
            this.weights = weights;
            this.trainable = trainable;
            this.adam = adam;
        }

        /** Runs (the rest of) one epoch; returns the state to save: the next epoch's, or this one's if stopped. */
        TrainingState epoch(TrainingState state) throws IOException {
            long started = System.nanoTime();
            int epoch = state.epoch();
            double lr = options.schedule().at(epoch);
            int[] sizes = options.scaledSizes();
            int[] order = EpochOrder.shuffled(train.size(), options.seed(), epoch);
            TrainingSet slices = train.forEpoch(epoch);
            int steps = batchCount(train.size()) * sizes.length;
            EpochTotals totals = state.partial();
            int step = state.step();
            try (EpochProgress progress = EpochProgress.start(showProgress, epoch, options.epochs(), steps, step,
                    totals.seconds())) {
                while (step < steps) {
                    try (NDManager batchManager = manager.newSubManager()) {
                        Batch batch = slices.load(batchManager, batchIndices(order, step / sizes.length));
                        for (int rate = step % sizes.length; rate < sizes.length; rate++) {
                            totals = totals.add(optimiserStep(batch, sizes[rate], lr, epoch, step), batch.size());
                            step++;
                            progress.step(totals.means().get("loss"));
                            if (stop.isRequested() && step < steps) {
                                TrainingState paused = new TrainingState(objective.describe(), options, epoch, step,
                                        adam.steps(), totals.withSeconds(totals.seconds() + since(started)),
                                        state.bestScore(), state.bestEpoch(), state.history());
                                checkpoints.save(CheckpointStore.LAST, weights, adam.state(), paused);
                                return paused;
                            }
                        }
                    }
                }
            }
            return finish(state, totals, lr, started);
        }

        private Map<String, Double> optimiserStep(Batch batch, int size, double lr, int epoch, int stepIndex)
                throws IOException {
            Map<String, Double> values;
            try (NDManager step = manager.newSubManager()) {
                batch.attachTemporarily(step);
                Gradients.zero(trainable, step);
                Batch scaled = batch.resized(resizer, size);
                try (GradientCollector collector = manager.getEngine().newGradientCollector()) {
                    NDList outputs = model.forward(parameterStore, objective.input(scaled), true);
                    LossTerms loss = objective.loss(outputs, scaled);
                    values = loss.values();
                    requireFinite(values, epoch, stepIndex);
                    collector.backward(loss.total());
                }
                if (options.gradientClip() > 0) {
                    Gradients.clampInPlace(trainable, options.gradientClip(), step);
                }
                adam.step(lr, step);
            }
            NativeMemory.afterStep();
            return values;
        }

        /** Stops before a non-finite loss reaches the weights; the checkpoints on disk stay as they were. */
        private void requireFinite(Map<String, Double> loss, int epoch, int stepIndex) throws IOException {
            if (loss.values().stream().allMatch(Double::isFinite)) {
                return;
            }
            String kept = checkpoints.exists(CheckpointStore.LAST)
                    ? "the weights of the last finished epoch stay in " + checkpoints.location(CheckpointStore.LAST)
                            + (checkpoints.exists(CheckpointStore.BEST) ? " and the best in "
                                    + checkpoints.location(CheckpointStore.BEST) : "")
                    : "no epoch had finished, so no checkpoint was written";
            throw new CovsegException("training stopped at epoch " + epoch + ", step " + (stepIndex + 1)
                    + ": the loss is not finite " + loss + "; " + kept + ". A learning rate too high for the data is "
                    + "the usual cause ('covseg doctor' checks the engine)");
        }

        private TrainingState finish(TrainingState state, EpochTotals totals, double lr, long started)
                throws IOException {
            int epoch = state.epoch();
            Validation result = validation == null ? null : validate();
            long rss = ResidentMemory.bytes();
            NativeMemory.release();
            Double best = state.bestScore();
            Integer bestEpoch = state.bestEpoch();
            boolean improved = false;
            if (result != null) {
                Double score = result.scores().get(options.bestMetric());
                if (score == null) {
                    throw new IllegalStateException("the validator returned no \"" + options.bestMetric()
                            + "\" score, only " + result.scores().keySet());
                }
                improved = !score.isNaN() && (best == null || score > best);
                if (improved) {
                    best = score;
                    bestEpoch = epoch;
                }
            }
            EpochRecord record = new EpochRecord(epoch, lr, totals.means(),
                    result == null ? null : result.loss(), result == null ? Map.of() : result.scores(),
                    totals.seconds() + since(started), rss);
            List<EpochRecord> history = new ArrayList<>(state.history());
            history.add(record);
            TrainingState next = new TrainingState(objective.describe(), options, epoch + 1, 0, adam.steps(),
                    EpochTotals.EMPTY, best, bestEpoch, history);
            if (improved) {
                checkpoints.save(CheckpointStore.BEST, weights, adam.state(), next);
            }
            checkpoints.save(CheckpointStore.LAST, weights, adam.state(), next);
            MetricsCsv.write(runDirectory.resolve("metrics.csv"), history);
            LossChart.write(runDirectory.resolve("loss.png"), history, options.bestMetric());
            epochListener.epochEnded(epoch);
            return next;
        }

        private Validation validate() {
            List<ValidationSlice> slices = new ArrayList<>();
            double lossSum = 0;
            for (int start = 0; start < validation.size(); start += options.batchSize()) {
                int[] indices = IntStream.range(start, Math.min(start + options.batchSize(), validation.size()))
                        .toArray();
                try (NDManager batchManager = manager.newSubManager(); NDManager step = manager.newSubManager()) {
                    Batch batch = validation.load(batchManager, indices);
                    batch.attachTemporarily(step);
                    NDList outputs = model.forward(parameterStore, objective.input(batch), false);
                    lossSum += objective.loss(outputs, batch).total().getFloat() * batch.size();
                    slices.addAll(slices(objective.probability(outputs), batch));
                }
            }
            return new Validation(lossSum / validation.size(), validator.score(slices));
        }

        private int[] batchIndices(int[] order, int batch) {
            int from = batch * options.batchSize();
            return Arrays.copyOfRange(order, from, Math.min(from + options.batchSize(), order.length));
        }
    }

    private record Validation(double loss, Map<String, Double> scores) {
    }

    /**
     * Per-slice probability and target (both N×C×H×W, C = 1 for single-class models), at the size of the truth
     * (1×1 for image-level labels).
     */
    private static List<ValidationSlice> slices(NDArray probability, Batch batch) {
        int c = (int) probability.getShape().get(1);
        int h = (int) batch.masks().getShape().get(2);
        int w = (int) batch.masks().getShape().get(3);
        int n = c * h * w;
        float[] p = probability.toFloatArray();
        float[] t = batch.masks().toFloatArray();
        List<ValidationSlice> slices = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            slices.add(new ValidationSlice(Arrays.copyOfRange(p, i * n, (i + 1) * n),
                    Arrays.copyOfRange(t, i * n, (i + 1) * n), c, h, w));
        }
        return slices;
    }

    private int batchCount(int slices) {
        return (slices + options.batchSize() - 1) / options.batchSize();
    }

    private static double since(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }
}
