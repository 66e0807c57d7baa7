package org.covseg.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.covseg.image.Window;
import org.covseg.nn.NetworkSize;
import org.covseg.nn.SegmentationArchitecture;
import org.covseg.nn.UNetConfig;

/**
 * The content of a model directory's {@code model.json}: what the network is, how its input is prepared, and where
 * it came from. Field names are the JSON keys.
 *
 * @param format        always {@value #FORMAT}
 * @param formatVersion version of this schema ({@value #FORMAT_VERSION})
 * @param name          model name, e.g. "infection-infnet"
 * @param version       model version, e.g. "1"
 * @param task          what it predicts: "infection" (single-class Inf-Net, a probability map), "multiclass"
 *                      (background, ground-glass opacity, consolidation), "detect" (COVID-19 vs. other findings or
 *                      normal, one probability per slice), or "inpainting-pretrained" (a self-supervised starting
 *                      point without output layers)
 * @param architecture  for infection and pre-trained models one of {@link SegmentationArchitecture}'s model names
 *                      ("InfNet-Res2Net50-v1b", "UNet-bilinear", "COVID-SegNet-2D-reimplementation"); "UNet-bilinear"
 *                      for multiclass, "Res2Net50-v1b-GAP-linear" for detect
 * @param description   what the architecture is, in words (infection and pre-trained models; may be absent)
 * @param width         channel multiplier of the network (1.0 = official)
 * @param inputSize     square input side the network runs at
 * @param mean          per-channel normalisation mean of grey/255 (ImageNet's, as the official code)
 * @param std           per-channel normalisation standard deviation
 * @param window        HU window applied to HU inputs before the network (8-bit inputs are used as they are)
 * @param weights       file name of the safetensors weights in the directory
 * @param weightsSha256 SHA-256 of the weights file, checked on load
 * @param training      how the model was made (command, data, epochs, time...)
 * @param validation    validation metrics measured when it was saved
 * @param prior         multiclass models only: the single-class infection model whose probability map is part of
 *                      the input (see {@link PriorSpec}); null for infection models
 * @param testTimeFlips infection models only: the mirrored copies whose maps are averaged ({@link TestTimeFlips});
 *                      absent means none. Format version 2; a model that sets it is written as version 2 so that
 *                      an older covseg refuses it instead of making other masks
 * @param members       infection ensembles only: the folders, inside this one, of the infection models whose maps are
 *                      averaged (each with its own model.json and weights; they share this spec's architecture, size,
 *                      normalisation and window). An ensemble has no weights of its own: {@code weights} is absent and
 *                      {@code weightsSha256} is the SHA-256 of its members' hashes ({@link #membersSha256}), so that
 *                      reports and tables name it by one hash. Format version 3
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelSpec(String format, int formatVersion, String name, String version, String task,
                        String architecture, String description, double width, int inputSize, float[] mean, float[] std,
                        WindowSpec window, String weights, String weightsSha256,
                        Map<String, Object> training, Map<String, Object> validation, PriorSpec prior,
                        TestTimeFlips testTimeFlips, List<String> members) {

    public static final String FORMAT = "covseg-model";
    /** The newest format version this covseg reads: 2 added {@code testTimeFlips}, 3 {@code members}. */
    public static final int FORMAT_VERSION = 3;
    /** The format version of an ensemble ({@code members}). */
    public static final int ENSEMBLE_FORMAT_VERSION = 3;
    /** The version written when no key of a newer version is used, so that older covsegs keep reading it. */
    static final int BASE_FORMAT_VERSION = 1;
    public static final String INFECTION = "infection";
    /** A network pre-trained by inpainting, saved without its output layers: only good for {@code train --init}. */
    public static final String PRETRAINED = "inpainting-pretrained";
    public static final String DETECT = "detect";
    public static final String DETECTOR = "Res2Net50-v1b-GAP-linear";
    public static final String MULTICLASS = "multiclass";
    public static final String UNET = "UNet-bilinear";
    public static final String WEIGHTS_FILE = "weights.safetensors";
    static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
    static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

    /** The HU window as stored in JSON. */
    public record WindowSpec(double level, double width) {
        public Window toWindow() {
            return new Window(level, width);
        }
    }

    /**
     * The infection model a multiclass model was trained with, identified by its weights' hash.
     *
     * @param path where it was, relative to the multiclass model's folder when saved (see
     *             {@link ModelDir#priorOf})
     */
    public record PriorSpec(String name, String version, String weightsSha256, String path) {
    }

    /** A new single-class Inf-Net infection model (hash filled in when saved). */
    public static ModelSpec infection(String name, NetworkSize config, Map<String, Object> training,
            Map<String, Object> validation) {
        return infection(name, SegmentationArchitecture.INFNET, config.width(), config.inputSize(), training,
                validation);
    }

    /** A new single-class infection model of the given architecture (hash filled in when saved). */
    public static ModelSpec infection(String name, SegmentationArchitecture architecture, double width, int inputSize,
            Map<String, Object> training, Map<String, Object> validation) {
        return of(INFECTION, name, architecture.modelName(), architecture.description(), width, inputSize,
                Window.COVID_SEMISEG, training, validation);
    }

    /**
     * A new COVID-19 detection model ({@link org.covseg.nn.DetectionNet}): the backbone of an Inf-Net of
     * {@code config}'s width, input prepared as for the infection model (hash filled in when saved).
     */
    public static ModelSpec detection(String name, NetworkSize config, Map<String, Object> training,
            Map<String, Object> validation) {
        return of(DETECT, name, DETECTOR, null, config.width(), config.inputSize(), Window.LUNG, training,
                validation);
    }

    /**
     * {@code window} turns HU input into the model's grey levels: the segmentation models are trained (and
     * pre-trained) on COVID-SemiSeg slices ({@link Window#COVID_SEMISEG}); the detector on UCSD images of unknown
     * rendering ({@link Window#LUNG}).
     */
    private static ModelSpec of(String task, String name, String architecture, String description, double width,
            int inputSize, Window window, Map<String, Object> training, Map<String, Object> validation) {
        return new ModelSpec(FORMAT, BASE_FORMAT_VERSION, name, "1", task, architecture, description, width,
                inputSize, IMAGENET_MEAN.clone(), IMAGENET_STD.clone(),
                new WindowSpec(window.level(), window.width()), WEIGHTS_FILE, null,
                new LinkedHashMap<>(training), new LinkedHashMap<>(validation), null, null, null);
    }

    /** A new multi-class model (hash filled in when saved) whose input includes {@code prior}'s map. */
    public static ModelSpec multiclass(String name, UNetConfig config, PriorSpec prior, Map<String, Object> training,
            Map<String, Object> validation) {
        return new ModelSpec(FORMAT, BASE_FORMAT_VERSION, name, "1", MULTICLASS, UNET, null, config.width(),
                config.inputSize(), IMAGENET_MEAN.clone(), IMAGENET_STD.clone(),
                new WindowSpec(Window.COVID_SEMISEG.level(), Window.COVID_SEMISEG.width()), WEIGHTS_FILE, null,
                new LinkedHashMap<>(training), new LinkedHashMap<>(validation), prior, null, null);
    }

    @JsonIgnore
    /** How messages name the model: {@code model "infection" version 4}. */
    public String describe() {
        return "model \"" + name + "\" version " + version;
    }

    @JsonIgnore
    public boolean isMulticlass() {
        return MULTICLASS.equals(task);
    }

    /** A self-supervised pre-trained network of the given architecture (hash filled in when saved). */
    public static ModelSpec pretrained(String name, SegmentationArchitecture architecture, double width,
            int inputSize, Map<String, Object> training) {
        return of(PRETRAINED, name, architecture.modelName(), architecture.description(), width, inputSize,
                Window.COVID_SEMISEG, training, Map.of());
    }

    @JsonIgnore
    public boolean isPretrained() {
        return PRETRAINED.equals(task);
    }

    /** Whether this task's models segment infection with one of the {@link SegmentationArchitecture}s. */
    @JsonIgnore
    public boolean isSegmentation() {
        return !isMulticlass() && !DETECT.equals(task);
    }

    /**
     * The network of an infection or pre-trained model.
     *
     * @throws IllegalArgumentException if the architecture is not one of {@link SegmentationArchitecture}'s
     */
    public SegmentationArchitecture segmentationArchitecture() {
        return SegmentationArchitecture.ofModelName(architecture).orElseThrow(() -> new IllegalArgumentException(
                "unsupported architecture \"" + architecture + "\" for task \"" + task + "\" (known: "
                        + SegmentationArchitecture.modelNames() + ")"));
    }

    public NetworkSize networkSize() {
        return new NetworkSize(width, inputSize);
    }

    public UNetConfig unetConfig() {
        return UNetConfig.multiclass(width, inputSize);
    }

    /** The mirrored copies whose maps are averaged; {@link TestTimeFlips#NONE} when model.json names none. */
    @JsonIgnore
    public TestTimeFlips flips() {
        return testTimeFlips == null ? TestTimeFlips.NONE : testTimeFlips;
    }

    /**
     * An ensemble of infection models that share {@code member}'s architecture, size, normalisation and window, kept
     * in the subfolders {@code members}, whose weights hashes are {@code memberHashes} in the same order.
     */
    public static ModelSpec ensemble(String name, String version, ModelSpec member, List<String> members,
            List<String> memberHashes, Map<String, Object> training, Map<String, Object> validation) {
        return new ModelSpec(FORMAT, ENSEMBLE_FORMAT_VERSION, name, version, INFECTION, member.architecture,
                member.description, member.width, member.inputSize, member.mean.clone(), member.std.clone(),
                member.window, null, membersSha256(memberHashes), new LinkedHashMap<>(training),
                new LinkedHashMap<>(validation), null, null, List.copyOf(members));
    }

    /** Whether this model averages the maps of the models in its {@link #members} folders. */
    @JsonIgnore
    public boolean isEnsemble() {
        return members != null;
    }

    /** An ensemble's identity: the SHA-256 of its members' weights hashes, one per line, in their order. */
    public static String membersSha256(List<String> memberHashes) {
        try {
            byte[] text = String.join("\n", memberHashes).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    ModelSpec withHash(String sha256) {
        return new ModelSpec(format, formatVersion, name, version, task, architecture, description, width,
                inputSize, mean, std, window, weights, sha256, training, validation, prior, testTimeFlips, members);
    }
}
