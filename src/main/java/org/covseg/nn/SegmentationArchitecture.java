package org.covseg.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The single-class infection segmentation networks covseg can train and run. Each takes the grey slice on three
 * ImageNet-normalised channels, {@code (N, 3, H, W)}, and returns logit maps at the input size: Inf-Net five
 * ({@link InfNetOutput}; the last is an edge map), the others one.
 *
 * <p>Self-supervised pre-training trains each network's {@link #outputLayers() output layers} as linear
 * reconstruction layers and leaves them out of the weights it exports; fine-tuning starts them afresh.
 */
public enum SegmentationArchitecture {

    INFNET("infnet", "InfNet-Res2Net50-v1b",
            "Inf-Net (Fan et al., IEEE TMI 2020) with a Res2Net-50 v1b backbone, as the official code; the"
                    + " segmentation is sigmoid(lateral_map_2).",
            NetworkSize.STRIDE, InfNet.OUTPUT_LAYERS, InfNetOutput.MAP2.index(), true),
    UNET("unet", "UNet-bilinear",
            "The bilinear U-Net of the official Inf-Net code (milesial's Pytorch-UNet, 64..512 channels times the"
                    + " width), single class: 3 input channels (the grey slice repeated), one output logit map.",
            UNetConfig.STRIDE, List.of(UNet.HEAD), 0, false),
    COVID_SEGNET("covidsegnet", "COVID-SegNet-2D-reimplementation",
            "A 2-D re-implementation of COVID-SegNet (Yan et al., IEEE Trans. Big Data 2021) from the paper's"
                    + " description; the authors published no code, so the layer details are covseg's reading"
                    + " (docs/architectures.md), not the authors' network. One output logit map.",
            CovidSegNet.STRIDE, List.of(CovidSegNet.HEAD), 0, false);

    private final String option;
    private final String modelName;
    private final String description;
    private final int stride;
    private final List<String> outputLayers;
    private final int segmentationOutput;
    private final boolean edgeHead;

    SegmentationArchitecture(String option, String modelName, String description, int stride,
            List<String> outputLayers, int segmentationOutput, boolean edgeHead) {
        this.option = option;
        this.modelName = modelName;
        this.description = description;
        this.stride = stride;
        this.outputLayers = outputLayers;
        this.segmentationOutput = segmentationOutput;
        this.edgeHead = edgeHead;
    }

    /** The command-line name ({@code --arch}). */
    public String option() {
        return option;
    }

    /** The {@code architecture} field of a model's {@code model.json}. */
    public String modelName() {
        return modelName;
    }

    /** What the network is, for a model's {@code model.json}. */
    public String description() {
        return description;
    }

    /** Input height and width must be multiples of this. */
    public int stride() {
        return stride;
    }

    /** The state-dict names of the last layer of each output head. */
    public List<String> outputLayers() {
        return outputLayers;
    }

    /** The index, in the forward pass's outputs, of the map whose sigmoid is the infection probability. */
    public int segmentationOutput() {
        return segmentationOutput;
    }

    /** Short names of the outputs, in the forward pass's order (Inf-Net's {@link InfNetOutput}s; "map" else). */
    public List<String> outputNames() {
        if (this != INFNET) {
            return List.of("map");
        }
        return Arrays.stream(InfNetOutput.values()).map(o -> o.name().toLowerCase(Locale.ROOT)).toList();
    }

    /** Whether the last output is an edge map (supervised with edges, not masks). */
    public boolean hasEdgeHead() {
        return edgeHead;
    }

    /**
     * A new, uninitialised network of this architecture.
     *
     * @throws IllegalArgumentException for a width or input size the architecture does not accept
     */
    public Block build(double width, int inputSize) {
        return switch (this) {
            case INFNET -> new InfNet(new NetworkSize(width, inputSize));
            case UNET -> new UNet(new UNetConfig(width, inputSize, 3), UNet.outConv(1));
            case COVID_SEGNET -> {
                CovidSegNet.requireSize(inputSize);
                yield new CovidSegNet(width);
            }
        };
    }

    /** The input shape {@code (batch, 3, inputSize, inputSize)}. */
    public Shape inputShape(int batch, int inputSize) {
        return new Shape(batch, 3, inputSize, inputSize);
    }

    /** The architecture with this {@code model.json} name, if any. */
    public static Optional<SegmentationArchitecture> ofModelName(String name) {
        return Arrays.stream(values()).filter(a -> a.modelName.equals(name)).findFirst();
    }

    /** The architecture with this command-line name (case-insensitive), if any. */
    public static Optional<SegmentationArchitecture> ofOption(String name) {
        return Arrays.stream(values()).filter(a -> a.option.equals(name.toLowerCase(Locale.ROOT))).findFirst();
    }

    /** The command-line names, comma-separated. */
    public static String options() {
        return Arrays.stream(values()).map(SegmentationArchitecture::option).collect(Collectors.joining(", "));
    }

    /** The {@code model.json} names, comma-separated. */
    public static String modelNames() {
        return Arrays.stream(values()).map(SegmentationArchitecture::modelName).collect(Collectors.joining(", "));
    }
}
