package org.covseg.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.covseg.CovsegException;
import org.covseg.data.Datasets;
import org.covseg.model.ModelSpec;
import org.covseg.train.AugmentationPreview;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "augment-preview", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a PNG sheet of training slices as augmentation changes them, to check the transforms "
                + "by eye: one row per slice, the prepared slice and then its augmented versions in training epochs "
                + "1, 2, ... (same seed and options as 'covseg train'), with the mask contour in red and the edge map "
                + "in green."})
final class AugmentPreviewCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "<dir>",
            description = "Labeled dataset: COVID-SemiSeg Doctor-label folder, MedSeg-style Imgs/GT, or images/ + masks/.")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "<png>", description = "The PNG sheet to write.")
    Path out;

    @Option(names = "--count", defaultValue = "4", description = "Slices (rows) to show (default: ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--versions", defaultValue = "4",
            description = "Augmented versions per slice (default: ${DEFAULT-VALUE}).")
    int versions;

    @Option(names = "--seed", defaultValue = "1", description = "The training seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--size", defaultValue = "352", description = "Training slice size (default: ${DEFAULT-VALUE}).")
    int size;

    @Mixin
    AugmentationOptions augmentation;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || versions < 1) {
            throw new CovsegException("--count and --versions must be at least 1");
        }
        ModelSpec model = ModelSpec.infection("preview", CliArguments.networkSize(1.0, size), Map.of(),
                Map.of());
        AugmentationPreview.write(out, Datasets.open(data).loadAll(), model, size, augmentation.augmentation(), seed,
                count, versions);
        spec.commandLine().getOut().println("wrote " + out);
        return 0;
    }
}
