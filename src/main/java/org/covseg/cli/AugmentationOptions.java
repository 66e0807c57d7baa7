package org.covseg.cli;

import java.util.ArrayList;
import java.util.List;
import org.covseg.data.augment.Augmentation;
import picocli.CommandLine.Option;

/** The training-time augmentation options, shared by {@code train} and {@code augment-preview}. */
final class AugmentationOptions {

    @Option(names = "--augment", split = ",", paramLabel = "<transform>",
            description = "Training-time augmentation, comma-separated: flip (left-right and up-down, each p=0.5), "
                    + "rot90 (random multiple of 90°), rotate (±15°), crop (square crop of 75-100%% of the side, "
                    + "resized back), jitter (brightness and contrast factors 0.8 to 1.2), or all; drawn anew for "
                    + "each slice and epoch from --seed. Default: none.")
    List<String> transforms = new ArrayList<>();

    @Option(names = "--cutout", defaultValue = "0", paramLabel = "<fraction>",
            description = "Hide a random square covering this fraction of each training input's area (set to the "
                    + "mean grey; labels untouched), e.g. 0.4. Default: ${DEFAULT-VALUE} (none).")
    double cutout;

    Augmentation augmentation() {
        return Augmentation.of(transforms, cutout);
    }
}
