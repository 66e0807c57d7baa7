package org.covseg.pretrain;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.covseg.CovsegException;
import org.covseg.data.Datasets;
import org.covseg.data.SliceDataset;
import org.covseg.data.SliceRewindow;
import org.covseg.engine.EngineSetup;
import org.covseg.engine.Numerics;
import org.covseg.image.Volume;
import org.covseg.infer.InfectionSegmenter;
import org.covseg.infer.MulticlassInput;
import org.covseg.model.ModelDir;
import org.covseg.model.ModelSpec;
import org.covseg.nn.Bilinear;
import org.covseg.nn.Coach;
import org.covseg.nn.SegmentationArchitecture;
import org.covseg.nn.StateDict;
import org.covseg.nn.UNet;
import org.covseg.nn.UNetConfig;
import org.covseg.train.CheckpointStore;
import org.covseg.train.ModelArrays;
import org.covseg.train.Objective;
import org.covseg.train.StopSignal;
import org.covseg.train.Trainer;
import org.covseg.train.TrainingOptions;
import org.covseg.train.TrainingState;

/**
 * Runs self-supervised pre-training of a {@link SegmentationArchitecture} end to end: load the unlabeled slices, run the phases of
 * {@link PretrainingRequest#phases()} one after the other, each with the project's {@link Trainer} in
 * {@code <run>/<phase>} (metrics.csv, loss.png, checkpoints, stop and resume), draw an {@link InpaintingSheet} into
 * {@code <run>/sheets} after every epoch, and export the inpainter without its output layers
 * ({@link SegmentationArchitecture#outputLayers()}) to {@code <run>/model} and the coach to {@code <run>/coach.safetensors}.
 *
 * <p>On resume, finished phases are skipped (their final weights are loaded) and the unfinished one continues from
 * its last checkpoint. Both networks use Adam; the reference's SGD schedule is scaled down to our budget.
 */
public final class Pretraining {

    private static final int SHEET_SLICES = 4;

    private Pretraining() {
    }

    /** Runs (or resumes) pre-training; returns the exported folder, or null if it was stopped early. */
    public static Path run(PretrainingRequest r, PrintWriter log) throws IOException {
        EngineSetup.threads(r.threads());
        EngineSetup.seed((int) r.seed());
        List<PretrainingPhase> phases = r.phases();
        if (!r.resume() && Files.exists(r.runDirectory().resolve(phases.get(0).name()))) {
            throw new CovsegException(r.runDirectory() + " already holds a pre-training run; resume it with --resume,"
                    + " or choose another output directory");
        }
        List<Volume> slices = slices(r, log);
        int size = r.network().inputSize();
        SegmentationArchitecture architecture = r.architecture();
        ModelSpec spec = ModelSpec.pretrained(r.modelName(), architecture, r.network().width(), size,
                trainingInfo(r, slices.size()));
        InpaintingObjective inpainting = new InpaintingObjective(architecture);
        RandomMasks random = new RandomMasks(r.mode() == MaskMode.CUTOUT ? MaskMode.CUTOUT : MaskMode.RANDOM,
                r.keepFraction(), r.seed());
        InpaintingSet.Masks randomMasks = InpaintingSet.randomMasks(random, size);
        InpaintingSet set = r.prior() == null ? new InpaintingSet(slices, spec, size, randomMasks)
                : new InpaintingSet(multiclassInputs(slices, r.prior(), spec, size, log), MulticlassInput.CHANNELS,
                        spec, size, randomMasks);
        int[] shown = sheetSlices(set.size());
        try (NDManager manager = Numerics.newManager()) {
            Shape input = new Shape(1, set.channels(), size, size);
            Block inpainter = r.prior() == null ? architecture.build(r.network().width(), size)
                    : new UNet(UNetConfig.multiclass(r.network().width(), size), UNet.outConv(1));
            inpainter.initialize(manager, DataType.FLOAT32, input);
            Coach coach = null;
            if (r.mode() == MaskMode.COACH) {
                coach = new Coach(r.coachWidth());
                coach.initialize(manager, DataType.FLOAT32, input);
            }
            for (PretrainingPhase phase : phases) {
                if (phase.round() > 0) {
                    set.useMasks(coachMasks(coach, manager, r.keepFraction()));
                }
                Block model = phase.coach() ? coach : inpainter;
                Objective objective = phase.coach()
                        ? new CoachObjective(inpainter, inpainting, new ParameterStore(manager, false),
                                r.keepFraction())
                        : inpainting;
                TrainingOptions options = new TrainingOptions(phase.epochs(), r.batchSize(), size, List.of(1.0),
                        phase.coach() ? r.coachLearningRate() : r.learningRate(), 1, 0, 0, 0, r.seed(), "none");
                Path dir = r.runDirectory().resolve(phase.name());
                Trainer trainer = new Trainer(model, manager, objective, (x, h, w) -> Bilinear.resize(x, h, w, true),
                        options, dir).afterEpoch(epoch -> InpaintingSheet.write(
                                r.runDirectory().resolve("sheets").resolve(phase.name() + "-epoch-" + epoch + ".png"),
                                set, epoch, shown, inpainter, inpainting, manager, spec));
                if (finished(trainer.checkpoints(), phase)) {
                    trainer.checkpoints().loadWeights(CheckpointStore.LAST, ModelArrays.all(model), manager);
                    log.println(phase.name() + ": already done, weights loaded");
                    continue;
                }
                log.println(phase.name() + ": " + phase.epochs() + " epochs on " + set.size() + " slices");
                boolean resume = trainer.checkpoints().exists(CheckpointStore.LAST);
                try (StopSignal.Guard guard = trainer.stopSignal().stopOnShutdown(Duration.ofMinutes(10))) {
                    if (trainer.fit(set, null, null, resume) == Trainer.Outcome.STOPPED) {
                        log.println("stopped; continue with the same command and --resume");
                        return null;
                    }
                }
            }
            return export(r, spec, inpainter, coach, log);
        }
    }

    /**
     * The multi-class network's inputs: each slice with the prior model's infection probability, computed once per
     * slice at its own size as {@code train --task multiclass} does.
     */
    private static List<float[]> multiclassInputs(List<Volume> slices, Path prior, ModelSpec spec, int size,
            PrintWriter log) {
        log.println("computing the prior of " + slices.size() + " slices with " + prior);
        List<float[]> maps;
        try (InfectionSegmenter segmenter = InfectionSegmenter.openPrior(prior, 4)) {
            maps = segmenter.predict(slices, n -> { });
        }
        List<float[]> inputs = new ArrayList<>();
        for (int i = 0; i < slices.size(); i++) {
            inputs.add(MulticlassInput.of(slices.get(i), maps.get(i), spec, size));
        }
        return inputs;
    }

    private static boolean finished(CheckpointStore checkpoints, PretrainingPhase phase) throws IOException {
        if (!checkpoints.exists(CheckpointStore.LAST)) {
            return false;
        }
        TrainingState state = checkpoints.readState(CheckpointStore.LAST);
        return state.epoch() > phase.epochs();
    }

    /** Binary keep-masks from the coach's sampled cell logits (batch normalisation on running statistics). */
    private static InpaintingSet.Masks coachMasks(Coach coach, NDManager manager, double keepFraction) {
        ParameterStore store = new ParameterStore(manager, false);
        return (batchManager, images, epoch, indices) -> {
            NDList logits = coach.forward(store, new NDList(images), false, Coach.SAMPLE);
            return CoachMasks.toPixels(CoachMasks.binary(logits.get(0), keepFraction));
        };
    }

    private static List<Volume> slices(PretrainingRequest r, PrintWriter log) {
        List<SliceDataset<Volume>> datasets = new ArrayList<>();
        List<int[]> entries = new ArrayList<>();
        for (Path dir : r.data()) {
            SliceDataset<Volume> dataset = Datasets.openImages(dir);
            for (int i = 0; i < dataset.size(); i++) {
                entries.add(new int[] {datasets.size(), i});
            }
            datasets.add(dataset);
            log.printf("%s: %d images%n", dataset.description(), dataset.size());
        }
        if (entries.isEmpty()) {
            throw new CovsegException("no images found in " + r.data());
        }
        if (r.limit() > 0 && r.limit() < entries.size()) {
            Collections.shuffle(entries, new Random(r.seed()));
            entries = entries.subList(0, r.limit());
            log.printf("using a random %d of them (--limit)%n", r.limit());
        }
        List<Volume> slices = new ArrayList<>();
        for (int[] entry : entries) {
            slices.add(datasets.get(entry[0]).load(entry[1]));
        }
        return r.rewindow() ? rewindowed(slices, entries, datasets, log) : slices;
    }

    /** The slices with each volume (group) re-windowed on its own estimate, in the same order. */
    private static List<Volume> rewindowed(List<Volume> slices, List<int[]> entries,
            List<SliceDataset<Volume>> datasets, PrintWriter log) {
        List<List<String>> names = datasets.stream().map(SliceDataset::names).toList();
        Map<String, List<Integer>> byVolume = new TreeMap<>();
        for (int n = 0; n < entries.size(); n++) {
            int[] entry = entries.get(n);
            SliceDataset<Volume> dataset = datasets.get(entry[0]);
            String volume = dataset.description() + ": " + dataset.group(names.get(entry[0]).get(entry[1]));
            byVolume.computeIfAbsent(volume, v -> new ArrayList<>()).add(n);
        }
        List<Volume> out = new ArrayList<>(slices);
        byVolume.forEach((volume, indices) -> {
            SliceRewindow.Result result = SliceRewindow.apply(indices.stream().map(slices::get).toList());
            log.printf("%s: %s%n", volume, result.note());
            for (int i = 0; i < indices.size(); i++) {
                out.set(indices.get(i), result.slices().get(i));
            }
        });
        return out;
    }

    private static int[] sheetSlices(int count) {
        int n = Math.min(SHEET_SLICES, count);
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = (int) ((long) i * count / n);
        }
        return indices;
    }

    private static Map<String, Object> trainingInfo(PretrainingRequest r, int slices) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("command", r.command());
        info.put("data", r.data().stream().map(Path::toString).toList());
        info.put("slices", slices);
        info.put("rewindow", r.rewindow());
        info.put("maskMode", r.mode().name().toLowerCase(java.util.Locale.ROOT));
        info.put("keepFraction", r.keepFraction());
        info.put("phases", r.phases());
        info.put("outputLayersLeftOut", r.architecture().outputLayers());
        info.put("numerics", Numerics.ensure().name());
        if (r.prior() != null) {
            info.put("task", "multiclass");
            info.put("prior", r.prior().toString());
        }
        return info;
    }

    private static Path export(PretrainingRequest r, ModelSpec spec, Block inpainter, Coach coach, PrintWriter log)
            throws IOException {
        Path dir = r.runDirectory().resolve("model");
        ModelDir.save(dir, spec, StateDict.of(inpainter).without(r.architecture().outputLayers()));
        if (coach != null) {
            StateDict.of(coach).save(r.runDirectory().resolve("coach.safetensors"), Map.of("format", "pt"));
        }
        log.println("pre-trained network written to " + dir + "; fine-tune it with covseg train "
                + (r.prior() == null ? "--arch " + r.architecture().option() : "--task multiclass") + " --init " + dir);
        return dir;
    }
}
