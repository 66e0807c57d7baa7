package org.covseg.semi;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.covseg.CovsegException;
import org.covseg.data.Datasets;
import org.covseg.data.LabeledSlice;
import org.covseg.data.RewindowedImages;
import org.covseg.data.SliceDataset;
import org.covseg.data.Split;
import org.covseg.data.Splits;
import org.covseg.engine.EngineSetup;
import org.covseg.engine.Numerics;
import org.covseg.image.Volume;
import org.covseg.model.ModelDir;
import org.covseg.model.ModelSpec;
import org.covseg.nn.InfNet;
import org.covseg.nn.NetworkSize;
import org.covseg.train.EpochRecord;
import org.covseg.train.SliceTrainingSet;
import org.covseg.train.Trainer;
import org.covseg.train.TrainingRun;
import org.covseg.train.TrainingState;

/**
 * The Semi-Inf-Net procedure on a CPU budget, starting from a single-class model trained on the labeled slices:
 * <ol>
 *   <li>round r = 1..R ({@code <run>/round-<r>}): pseudo-label group r of the unlabeled slices with the current
 *       network ({@link PseudoLabel}: p > 0.5, edges derived from the mask; saved in {@code pseudo/}), add it to the
 *       training set (labeled training slices + all pseudo labels so far) and fine-tune from the previous round's
 *       last weights;</li>
 *   <li>{@code <run>/pseudo-training}: train on all pseudo labels, starting again from the start model's weights
 *       (the official code starts this stage from its usual initialisation; ours is the labeled start model, which
 *       a short CPU budget needs);</li>
 *   <li>{@code <run>/finetune}: fine-tune those last weights on the labeled training slices; the best epoch by
 *       validation meanDic is exported to {@code <run>/model}.</li>
 * </ol>
 * The network keeps the start model's width. Every stage validates each epoch on the labeled validation split (by
 * default the start model's own, as its model.json records it). A resumed run skips finished stages and continues
 * the unfinished one; finished rounds keep their pseudo labels, metrics and round.json, while their checkpoints are
 * deleted once the next round is done (only the latest round's weights are needed to go on).
 */
public final class SemiSupervisedTraining {

    static final String PSEUDO_STAGE = "pseudo-training";
    static final String FINETUNE_STAGE = "finetune";
    static final String PSEUDO_LABELS = "pseudo";

    private final SemiRequest request;
    private final SemiPlan plan;
    private final ModelSpec spec;
    private final Path startWeights;
    private final SliceTrainingSet labeledTrain;
    private final StageRunner stages;
    private final PseudoLabeler labeler;
    private final InfNet net;
    private final PrintWriter log;

    private SemiSupervisedTraining(SemiRequest request, SemiPlan plan, ModelSpec spec, Path startWeights,
            SliceTrainingSet labeledTrain, StageRunner stages, PseudoLabeler labeler, InfNet net, PrintWriter log) {
        this.request = request;
        this.plan = plan;
        this.spec = spec;
        this.startWeights = startWeights;
        this.labeledTrain = labeledTrain;
        this.stages = stages;
        this.labeler = labeler;
        this.net = net;
        this.log = log;
    }

    /** Runs (or resumes) the procedure; returns the exported model directory, or null if it was stopped early. */
    public static Path run(SemiRequest r, PrintWriter log) throws IOException {
        EngineSetup.threads(r.threads());
        EngineSetup.seed((int) r.options().seed());
        ModelSpec start = ModelDir.readSpec(r.startModel());
        SliceDataset<LabeledSlice> labeled = Datasets.open(r.labeled());
        SliceDataset<Volume> unlabeled = r.rewindow()
                ? RewindowedImages.of(Datasets.openImages(r.unlabeled()), start.window().toWindow(), log::println)
                : Datasets.openImages(r.unlabeled());
        SemiPlan plan = plan(r, start, unlabeled);
        Split split = TrainingRun.split(r.runDirectory(), r.resume(), () -> split(r, start, labeled.names(), log));
        plan.write(r.runDirectory());
        log.printf("%s: %d training and %d validation slices; %s: %d round(s) of up to %d slice(s), %d pseudo"
                + " labels%n", labeled.description(), split.train().size(), split.validation().size(),
                unlabeled.description(), plan.rounds(), plan.groupSize(), plan.pseudoLabels());

        int size = r.options().trainSize();
        Map<String, Object> training = TrainingRun.trainingInfo(r.command(), labeled.description(), split,
                r.options().withEpochs(r.finetuneEpochs()), r.startModel());
        training.put("bceWeighting", r.bceWeighting().name());
        ModelSpec spec = ModelSpec.infection(r.modelName(), new NetworkSize(start.width(), size), training,
                Map.of());
        SliceTrainingSet labeledTrain = new SliceTrainingSet(labeled.select(split.train()).loadAll(), spec, size);
        SliceTrainingSet validation = split.validation().isEmpty() ? null
                : new SliceTrainingSet(labeled.select(split.validation()).loadAll(), spec, size);

        try (NDManager manager = Numerics.newManager()) {
            if (!(ModelDir.loadNetwork(r.startModel(), start, manager) instanceof InfNet net)) {
                throw new CovsegException("covseg semi follows the Semi-Inf-Net procedure and needs an Inf-Net start"
                        + " model; " + r.startModel() + " is " + start.architecture());
            }
            StageRunner stages = new StageRunner(net, manager, r.options(), r.bceWeighting(), validation, log);
            PseudoLabeler labeler = new PseudoLabeler(unlabeled, spec, r.options().batchSize());
            return new SemiSupervisedTraining(r, plan, spec, ModelDir.weightsFile(r.startModel(), start), labeledTrain,
                    stages, labeler, net, log).stages(manager);
        }
    }

    private Path stages(NDManager manager) throws IOException {
        SliceTrainingSet pseudo = new SliceTrainingSet(List.of(), spec, request.options().trainSize());
        for (int round = 1; round <= plan.rounds(); round++) {
            pseudo = round(round, pseudo);
            if (pseudo == null) {
                return null;
            }
        }
        Path pseudoStage = request.runDirectory().resolve(PSEUDO_STAGE);
        if (!StageRunner.finished(pseudoStage, request.finalEpochs())) {
            log.printf("%s: %d epoch(s) on the %d pseudo labels, from the start model's weights%n", PSEUDO_STAGE,
                    request.finalEpochs(), pseudo.size());
            stages.loadWeights(startWeights);
            if (!stages.fit(stages.trainer(pseudoStage, request.finalEpochs()), pseudo)) {
                return null;
            }
        }
        Path finetune = request.runDirectory().resolve(FINETUNE_STAGE);
        Trainer finetuner = stages.trainer(finetune, request.finetuneEpochs());
        if (!StageRunner.finished(finetune, request.finetuneEpochs())) {
            log.printf("%s: %d epoch(s) on the %d labeled training slices%n", FINETUNE_STAGE,
                    request.finetuneEpochs(), labeledTrain.size());
            stages.loadLastWeights(pseudoStage);
            if (!stages.fit(finetuner, labeledTrain)) {
                return null;
            }
        }
        return export(finetuner, manager);
    }

    /**
     * Runs round {@code round}, or reads its pseudo labels back if it is finished; returns all pseudo labels so far,
     * or null if the round was stopped.
     */
    private SliceTrainingSet round(int round, SliceTrainingSet pseudo) throws IOException {
        Path dir = roundDirectory(request.runDirectory(), round);
        Path labelsDir = dir.resolve(PSEUDO_LABELS);
        List<String> group = plan.groups().get(round - 1);
        if (RoundRecord.exists(dir)) {
            return pseudo.plus(toSet(labeler.read(group, labelsDir)));
        }
        if (round == 1) {
            stages.loadWeights(startWeights);
        } else {
            stages.loadLastWeights(roundDirectory(request.runDirectory(), round - 1));
        }
        List<PseudoLabel> labels = labeler.label(group, labelsDir, net);
        SliceTrainingSet grown = pseudo.plus(toSet(labels));
        SliceTrainingSet train = labeledTrain.plus(grown);
        double share = labels.stream().mapToDouble(PseudoLabel::infectedShare).average().orElse(0);
        log.printf("round %d/%d: %d pseudo label(s) in %s (%.1f%% of pixels infection); fine-tuning %d epoch(s) on"
                + " %d slices%n", round, plan.rounds(), labels.size(), labelsDir, 100 * share, request.roundEpochs(),
                train.size());
        if (!stages.fit(stages.trainer(dir, request.roundEpochs()), train)) {
            return null;
        }
        TrainingState state = StageRunner.lastState(dir);
        EpochRecord last = state.history().get(state.history().size() - 1);
        new RoundRecord(round, group, share, train.size(), seconds(state), last.validation()).write(dir);
        if (round > 1) {
            Trainer.checkpointsOf(roundDirectory(request.runDirectory(), round - 1)).deleteAll();
        }
        return grown;
    }

    private SliceTrainingSet toSet(List<PseudoLabel> labels) {
        List<LabeledSlice> slices = labels.stream().map(PseudoLabel::toLabeledSlice).toList();
        return new SliceTrainingSet(slices, spec, request.options().trainSize());
    }

    private Path export(Trainer finetuner, NDManager manager) throws IOException {
        Map<String, Object> semi = plan.summary();
        semi.put("secondsAllStages", Math.round(secondsAllStages()));
        Map<String, Object> training = new LinkedHashMap<>(spec.training());
        training.put("semi", semi);
        TrainingRun.Exported best = TrainingRun.best(finetuner, net, manager, training);
        Path modelDir = request.runDirectory().resolve("model");
        ModelDir.save(modelDir, ModelSpec.infection(spec.name(), spec.networkSize(), best.training(),
                best.validation()), net);
        log.println("model (" + FINETUNE_STAGE + " " + best.checkpoint() + " epoch " + best.epoch() + ") written to "
                + modelDir);
        return modelDir;
    }

    private double secondsAllStages() throws IOException {
        double total = 0;
        for (int round = 1; round <= plan.rounds(); round++) {
            total += RoundRecord.read(roundDirectory(request.runDirectory(), round)).seconds();
        }
        for (String stage : List.of(PSEUDO_STAGE, FINETUNE_STAGE)) {
            total += seconds(StageRunner.lastState(request.runDirectory().resolve(stage)));
        }
        return total;
    }

    private static double seconds(TrainingState state) {
        return state.history().stream().mapToDouble(EpochRecord::seconds).sum();
    }

    static Path roundDirectory(Path run, int round) {
        return run.resolve("round-" + round);
    }

    /** The run's plan; a new run must not overwrite an old one, a resumed one must keep its plan. */
    private static SemiPlan plan(SemiRequest r, ModelSpec start, SliceDataset<Volume> unlabeled) {
        VolumeSelection selection = VolumeSelection.of(unlabeled, r.exclude(), r.unlabeled());
        List<List<String>> groups = UnlabeledGroups.of(selection.slices(), r.groupSize(), r.limit(),
                r.options().seed());
        if (r.rounds() > groups.size()) {
            throw new CovsegException("--rounds " + r.rounds() + " is more than the " + groups.size() + " group(s) of "
                    + r.groupSize() + " unlabeled slice(s) there are; use --rounds 0 for one round per group");
        }
        SemiPlan plan = new SemiPlan(start.weightsSha256(), r.unlabeled().toAbsolutePath().normalize().toString(),
                r.groupSize(), r.limit(), r.exclude(), r.rewindow(), r.roundEpochs(), r.finalEpochs(),
                r.finetuneEpochs(),
                PseudoLabel.THRESHOLD, r.rounds() == 0 ? groups : groups.subList(0, r.rounds()));
        Path dir = r.runDirectory();
        boolean started = Files.exists(dir.resolve(SemiPlan.FILE));
        if (!r.resume() && started) {
            throw new CovsegException(dir + " already holds a semi-supervised run; resume it with --resume, or choose"
                    + " another output directory");
        }
        if (r.resume() && !started) {
            throw new CovsegException("nothing to resume: " + dir.resolve(SemiPlan.FILE) + " does not exist");
        }
        if (r.resume() && !SemiPlan.read(dir).equals(plan)) {
            throw new CovsegException("cannot resume " + dir + ": its " + SemiPlan.FILE + " was made with another"
                    + " start model, unlabeled folder, --group-size, --limit, --exclude, --rewindow, --rounds, --seed"
                    + " or epoch counts; resume with the same options");
        }
        return plan;
    }

    /** Validation on --val if given, else on the start model's recorded validation slices, else by fraction. */
    private static Split split(SemiRequest r, ModelSpec start, List<String> names, PrintWriter log) {
        if (!r.validationNames().isEmpty()) {
            return Splits.byNames(names, r.validationNames());
        }
        List<String> recorded = recordedValidation(start);
        if (!recorded.isEmpty() && names.containsAll(recorded)) {
            log.println("validating on the start model's validation slices " + recorded);
            return Splits.byNames(names, recorded);
        }
        return Splits.byFraction(names, r.validationFraction(), r.options().seed());
    }

    private static List<String> recordedValidation(ModelSpec start) {
        Object recorded = start.training() == null ? null : start.training().get("validationSlices");
        List<String> names = new ArrayList<>();
        if (recorded instanceof List<?> list) {
            list.forEach(n -> names.add(String.valueOf(n)));
        }
        return names;
    }
}
