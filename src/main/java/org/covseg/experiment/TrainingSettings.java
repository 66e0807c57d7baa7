package org.covseg.experiment;

import java.util.List;
import java.util.Set;
import org.covseg.CovsegException;
import org.covseg.data.augment.Augmentation;
import org.covseg.nn.NetworkSize;
import org.covseg.nn.SegmentationArchitecture;
import org.covseg.nn.UNetConfig;
import org.covseg.train.BceWeighting;
import org.covseg.train.ClassLoss;
import org.covseg.train.TrainingOptions;

/**
 * One cell's training recipe after merging, key by key, {@link #DEFAULTS} (those of {@code covseg train}), the
 * config's shared {@code training} object, the cell's own keys and the command line's overrides.
 *
 * @param init     weights to start from (a model or pre-trained folder); may hold {@code {fold}} and {@code {out}}
 * @param pretrain the name of a {@code pretrain} block of the config whose result initialises the network
 * @param prior    multiclass: the infection model whose probability map is part of the input (placeholders too)
 * @param arch     infection: the network ({@code infnet}, {@code unet} or {@code covidsegnet}, as {@code --arch})
 * @param semi     the name of a {@code semi} block of the config whose per-fold result initialises the network
 * @param classLoss multiclass: the loss ({@code BCE} or {@code BCE_DICE}, as {@code --class-loss})
 */
record TrainingSettings(double width, int size, List<Double> scales, int epochs, int batchSize, double lr,
                        double lrDecay, int lrDecayEvery, double clip, double weightDecay, BceWeighting bce,
                        List<String> augment, double cutout, int threads, String init, String pretrain,
                        String prior, SegmentationArchitecture arch, String semi, ClassLoss classLoss) {

    /** The defaults of {@code covseg train} for the segmentation tasks. */
    static final String DEFAULTS = """
            {"width": 1.0, "size": 352, "scales": [0.75, 1, 1.25], "epochs": 100, "batchSize": 24, "lr": 1e-4,
             "lrDecay": 0.1, "lrDecayEvery": 50, "clip": 0.5, "weightDecay": 0, "bce": "WEIGHTED", "augment": [],
             "cutout": 0, "threads": 2, "arch": "infnet", "classLoss": "BCE"}""";

    static final Set<String> KEYS = Set.of("width", "size", "scales", "epochs", "batchSize", "lr", "lrDecay",
            "lrDecayEvery", "clip", "weightDecay", "bce", "augment", "cutout", "threads", "init", "pretrain", "prior",
            "arch", "semi", "classLoss");

    static TrainingSettings of(ConfigNode n) {
        n.allowOnly(KEYS);
        BceWeighting bce;
        try {
            bce = BceWeighting.valueOf(n.text("bce"));
        } catch (IllegalArgumentException e) {
            throw n.error("bce must be WEIGHTED or UNWEIGHTED, got \"" + n.text("bce") + "\"");
        }
        ClassLoss classLoss;
        try {
            classLoss = ClassLoss.valueOf(n.text("classLoss"));
        } catch (IllegalArgumentException e) {
            throw n.error("classLoss must be BCE or BCE_DICE, got \"" + n.text("classLoss") + "\"");
        }
        SegmentationArchitecture arch = SegmentationArchitecture.ofOption(n.text("arch")).orElseThrow(() -> n.error(
                "arch must be one of " + SegmentationArchitecture.options() + ", got \"" + n.text("arch") + "\""));
        TrainingSettings s = new TrainingSettings(n.number("width"), n.whole("size"), n.numbers("scales"),
                n.whole("epochs"), n.whole("batchSize"), n.number("lr"), n.number("lrDecay"),
                n.whole("lrDecayEvery"), n.number("clip"), n.number("weightDecay"), bce, n.texts("augment"),
                n.number("cutout"), n.whole("threads"), optional(n, "init"), optional(n, "pretrain"),
                optional(n, "prior"), arch, optional(n, "semi"), classLoss);
        try {
            s.options(0, "check");
            s.networkSize();
            s.unet();
        } catch (CovsegException | IllegalArgumentException e) {
            throw n.error(e.getMessage());
        }
        if (s.threads < 1) {
            throw n.error("threads must be at least 1, got " + s.threads);
        }
        return s;
    }

    private static String optional(ConfigNode n, String key) {
        return n.has(key) ? n.text(key) : null;
    }

    TrainingOptions options(long seed, String bestMetric) {
        return new TrainingOptions(epochs, batchSize, size, scales, lr, lrDecay, lrDecayEvery, clip, weightDecay,
                seed, bestMetric, Augmentation.of(augment, cutout));
    }

    NetworkSize networkSize() {
        return new NetworkSize(width, size);
    }

    UNetConfig unet() {
        return UNetConfig.multiclass(width, size);
    }
}
