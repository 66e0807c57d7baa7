package org.covseg.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.covseg.data.Scan;
import org.covseg.data.ScanDescription;
import org.covseg.data.Scans;
import org.covseg.io.NiftiDatatype;
import org.covseg.io.NiftiWriter;
import org.covseg.phantom.InfectionTruth;
import org.covseg.phantom.Phantom;
import org.covseg.phantom.PhantomConfig;
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

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        w.println("1/2 generating a synthetic chest CT phantom (seed " + seed + ")...");
        Phantom phantom = Phantom.generate(PhantomConfig.defaults().toBuilder().seed(seed).build());
        Path ct = out.resolve("phantom_ct.nii.gz");
        NiftiWriter.write(phantom.ct(), ct, NiftiDatatype.INT16);
        NiftiWriter.write(phantom.lungs(), out.resolve("phantom_truth_lungs.nii.gz"), NiftiDatatype.UINT8);
        NiftiWriter.write(phantom.infection(), out.resolve("phantom_truth_infection.nii.gz"), NiftiDatatype.UINT8);
        InfectionTruth truth = phantom.truth();
        w.printf(Locale.ROOT, "    true infection: right lung %.1f%%, left lung %.1f%%, total %.1f%%%n",
                truth.right().percentInfected(), truth.left().percentInfected(), truth.percentInfected());

        w.println("2/2 reading it back as a user's scan would be read:");
        Scan scan = Scans.open(ct, null);
        ScanDescription.of(scan).lines().forEach(l -> w.println("    " + l));
        w.println("Open " + ct.toAbsolutePath().normalize() + " in a NIfTI viewer (ITK-SNAP, 3D Slicer) with the "
                + "truth masks next to it.");
        return 0;
    }
}
