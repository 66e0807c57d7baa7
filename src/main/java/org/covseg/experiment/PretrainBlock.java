package org.covseg.experiment;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.covseg.CovsegException;
import org.covseg.nn.NetworkSize;
import org.covseg.nn.SegmentationArchitecture;
import org.covseg.pretrain.MaskMode;
import org.covseg.pretrain.PretrainingRequest;

/**
 * A named {@code pretrain} block of the config: one self-supervised inpainting pre-training
 * ({@code covseg pretrain}), run once into {@code <out>/pretrain/<name>} and shared by the cells that name it.
 * Unset keys take {@code covseg pretrain}'s defaults; width and size default to the shared training settings.
 */
record PretrainBlock(String name, List<Path> data, MaskMode mask, double width, int size, int epochs, int rounds,
                     int coachEpochs, int inpaintEpochs, double keep, int batchSize, double lr, double coachLr,
                     double coachWidth, int limit, int threads, SegmentationArchitecture arch, boolean rewindow) {

    static final String DEFAULTS = """
            {"mask": "COACH", "epochs": 10, "rounds": 3, "coachEpochs": 1, "inpaintEpochs": 2, "keep": 0.75,
             "batchSize": 16, "lr": 3e-4, "coachLr": 1e-4, "coachWidth": 0.25, "limit": 0, "arch": "infnet",
             "rewindow": false}""";

    /** What a block's record lacks when it was written before that key existed (as the record serialises it). */
    static final ObjectNode RECORDED_DEFAULTS = JsonNodeFactory.instance.objectNode().put("arch", "INFNET")
            .put("rewindow", false);

    private static final Set<String> KEYS = Set.of("data", "mask", "width", "size", "epochs", "rounds",
            "coachEpochs", "inpaintEpochs", "keep", "batchSize", "lr", "coachLr", "coachWidth", "limit", "threads",
            "arch", "rewindow");

    /** Reads a block already merged over {@link #DEFAULTS} and the shared width, size and threads. */
    static PretrainBlock of(String name, ConfigNode n, Function<String, Path> paths) {
        n.allowOnly(KEYS);
        MaskMode mask;
        try {
            mask = MaskMode.valueOf(n.text("mask"));
        } catch (IllegalArgumentException e) {
            throw n.error("mask must be COACH, RANDOM or CUTOUT, got \"" + n.text("mask") + "\"");
        }
        SegmentationArchitecture arch = SegmentationArchitecture.ofOption(n.text("arch")).orElseThrow(() -> n.error(
                "arch must be one of " + SegmentationArchitecture.options() + ", got \"" + n.text("arch") + "\""));
        PretrainBlock block = new PretrainBlock(name, n.texts("data").stream().map(paths).toList(), mask,
                n.number("width"), n.whole("size"), n.whole("epochs"), n.whole("rounds"), n.whole("coachEpochs"),
                n.whole("inpaintEpochs"), n.number("keep"), n.whole("batchSize"), n.number("lr"),
                n.number("coachLr"), n.number("coachWidth"), n.whole("limit"), n.whole("threads"), arch,
                n.flag("rewindow"));
        try {
            block.request(Path.of("check"), 0, false, "check");
        } catch (CovsegException | IllegalArgumentException e) {
            throw n.error(e.getMessage());
        }
        return block;
    }

    PretrainingRequest request(Path runDirectory, long seed, boolean resume, String command) {
        return new PretrainingRequest(data, runDirectory, mask, new NetworkSize(width, size),
                arch, batchSize, epochs,
                rounds, coachEpochs, inpaintEpochs, lr, coachLr, coachWidth, keep, limit, rewindow, seed,
                threads, resume, arch.option() + "-inpainting-" + name, command, null);
    }
}
