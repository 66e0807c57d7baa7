package org.covseg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.covseg.CovsegVersion;
import org.covseg.demo.PhantomDemo;
import org.covseg.image.Volume;
import org.covseg.model.DefaultModels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Runs covseg end to end on a generated synthetic chest CT phantom and says what to open.")
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "<dir>", defaultValue = "covseg-demo",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Phantom seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--lesion-free", description = "A phantom without lesions (a specificity check): whatever the"
            + " report calls infection is false.")
    boolean lesionFree;

    @Option(names = "--model", paramLabel = "<dir>",
            description = "Infection model (default: the shipped models/infection, if present).")
    Path model;

    @Override
    public Integer call() throws Exception {
        Volume.requireSpillFolder();
        PhantomDemo.run(out, seed, lesionFree, model != null ? model : DefaultModels.installedInfection().orElse(null),
                CovsegVersion.number(), spec.commandLine().getOut());
        return 0;
    }
}
