package org.covseg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.covseg.CovsegException;
import org.covseg.model.DefaultModels;
import org.covseg.nn.SegmentationArchitecture;
import org.covseg.pretrain.MaskMode;
import org.covseg.pretrain.Pretraining;
import org.covseg.pretrain.PretrainingRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "pretrain", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Self-supervised pre-training of a segmentation network (--arch) by inpainting on unlabeled"
                + " slices.",
                "The network sees slices with 16x16-pixel cells erased and learns to reconstruct the image (and its "
                        + "edge map, Inf-Net's edge head); with --mask COACH a coach network learns, in alternating rounds, which cells "
                        + "are hardest to inpaint. Each phase writes <out>/<phase>/metrics.csv, loss.png and "
                        + "checkpoints, and every epoch a picture in <out>/sheets. The result, <out>/model, starts "
                        + "supervised training: covseg train --arch <the same> --init <out>/model. Its output layers are trained as "
                        + "linear reconstruction layers and left out of <out>/model, so fine-tuning starts them "
                        + "fresh. Ctrl-C saves and stops; run the "
                        + "same command with --resume to continue."})
final class PretrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, split = ",", paramLabel = "<dir>",
            description = "Folders of unlabeled images (comma-separated or repeated), e.g. COVID-SemiSeg/Unlabeled.")
    List<Path> data;

    @Option(names = "--out", required = true, paramLabel = "<dir>", description = "Run folder.")
    Path out;

    @Option(names = "--mask", defaultValue = "COACH",
            description = "COACH, RANDOM (random cells) or CUTOUT (one rectangle). Default: ${DEFAULT-VALUE}.")
    MaskMode mask;

    @Option(names = "--task", defaultValue = "infection",
            description = "infection (a single-class network, --arch) or multiclass (the ground-glass/consolidation"
                    + " U-Net, whose input includes the --prior model's infection map). Default: ${DEFAULT-VALUE}.")
    String task;

    @Option(names = "--prior", paramLabel = "<model-dir>",
            description = "multiclass: the infection model that supplies the prior (default: the shipped one); use"
                    + " the same one for covseg train --task multiclass.")
    Path prior;

    @Option(names = "--arch", defaultValue = "infnet", converter = ArchitectureConverter.class,
            description = ArchitectureConverter.HELP + " Default: ${DEFAULT-VALUE}.")
    SegmentationArchitecture arch;

    @Option(names = "--width", defaultValue = "1.0", description = "Channel multiplier (default: ${DEFAULT-VALUE}).")
    double width;

    @Option(names = "--size", defaultValue = "352", description = "Slice size, multiple of 32 (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--epochs", defaultValue = "10",
            description = "Round 0: inpainter epochs on random masks (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--rounds", defaultValue = "3",
            description = "Rounds of {coach, inpainter} after round 0; other mask modes train the inpainter as many "
                    + "epochs in total (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--coach-epochs", defaultValue = "1", description = "Coach epochs per round (default: ${DEFAULT-VALUE}).")
    int coachEpochs;

    @Option(names = "--inpaint-epochs", defaultValue = "2",
            description = "Inpainter epochs per round (default: ${DEFAULT-VALUE}).")
    int inpaintEpochs;

    @Option(names = "--keep", defaultValue = "0.75", description = "Share of cells kept (default: ${DEFAULT-VALUE}).")
    double keep;

    @Option(names = "--batch-size", defaultValue = "16", description = "Slices per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--lr", defaultValue = "3e-4", description = "Inpainter Adam learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--coach-lr", defaultValue = "1e-4", description = "Coach Adam learning rate (default: ${DEFAULT-VALUE}).")
    double coachLr;

    @Option(names = "--coach-width", defaultValue = "0.25",
            description = "Channel multiplier of the coach's ResNet-18 trunk (default: ${DEFAULT-VALUE}).")
    double coachWidth;

    @Option(names = "--limit", defaultValue = "0",
            description = "Use a random subset of this many slices; 0 = all (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--rewindow", description = "Re-window each volume's slices to the segmentation models' window"
            + " first, estimating the window it was exported with from its lung and soft-tissue grey peaks (the"
            + " COVID-SemiSeg unlabeled volumes come in several windows).")
    boolean rewindow;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--threads", defaultValue = "2", description = "CPU threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--resume", description = "Continue the run in --out where it stopped.")
    boolean resume;

    @Option(names = "--name", description = "Name (default: <arch>-inpainting).")
    String name;

    @Override
    public Integer call() throws Exception {
        boolean multiclass = switch (task) {
            case "infection" -> false;
            case "multiclass" -> true;
            default -> throw new CovsegException("--task must be infection or multiclass, got " + task);
        };
        if (multiclass && spec.commandLine().getParseResult().hasMatchedOption("--arch")) {
            throw new CovsegException("--arch does not apply to --task multiclass (its network is the U-Net)");
        }
        if (!multiclass && prior != null) {
            throw new CovsegException("--prior is for --task multiclass only");
        }
        Path priorModel = multiclass ? (prior != null ? prior : DefaultModels.infection()) : null;
        String modelName = name != null ? name : (multiclass ? "multiclass" : arch.option()) + "-inpainting";
        PretrainingRequest request = new PretrainingRequest(data, out, mask, CliArguments.networkSize(width, size),
                multiclass ? SegmentationArchitecture.UNET : arch, batchSize, epochs, rounds, coachEpochs,
                inpaintEpochs, lr, coachLr, coachWidth, keep, limit, rewindow, seed, threads, resume, modelName,
                CliArguments.recipe(spec), priorModel);
        return Pretraining.run(request, spec.commandLine().getOut()) == null ? 130 : 0;
    }
}
