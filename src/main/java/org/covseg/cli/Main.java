package org.covseg.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.covseg.CovsegException;
import org.covseg.CovsegVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code covseg} command: parses the command line and hands over to a subcommand. */
@Command(name = "covseg",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "COVID-19 lung infection segmentation and severity scoring from chest CT.%n"
                + "Research software, not a medical device.",
        footer = "%nMany studies on Apache Spark: covseg cohort <studies> --out <root> (see 'covseg cohort --help').",
        subcommands = {DemoCommand.class, InfoCommand.class, AnalyzeCommand.class, SegmentCommand.class,
                EvaluateCommand.class, TrainCommand.class, SemiCommand.class, PretrainCommand.class,
                ExperimentCommand.class, EnsembleCommand.class, PseudoLabelCommand.class,
                AugmentPreviewCommand.class, BenchCommand.class, DoctorCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs covseg with the given arguments and returns the exit code (0 success, 1 error, 2 usage error). */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        try {
            return cl.execute(args);
        } catch (OutOfMemoryError e) {
            cl.getErr().println("covseg: " + outOfMemory(Runtime.getRuntime().maxMemory()));
            return 1;
        }
    }

    /** The line for a run that did not fit in the Java heap: what the limit was and how to raise it. */
    static String outOfMemory(long maxHeapBytes) {
        String heap = maxHeapBytes >= 1e9 ? String.format(Locale.ROOT, "%.1f GB", maxHeapBytes / 1e9)
                : String.format(Locale.ROOT, "%d MB", Math.round(maxHeapBytes / 1e6));
        return "out of memory: this input needs more than the " + heap + " of Java heap covseg was given; run it"
                + " again with more, e.g. COVSEG_JAVA_OPTS=-Xmx16g (the machine's memory permitting); nothing was"
                + " written";
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler(Main::executionError);
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println("covseg: " + e.getMessage() + " (see '" + cl.getCommandSpec().qualifiedName() + " --help')");
        return 2;
    }

    private static int executionError(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        Throwable userError = findUserError(e);
        if (userError != null) {
            err.println("covseg: " + userError.getMessage());
            return 1;
        }
        err.println("covseg: internal error (a bug in covseg; please report it with the trace below): " + e);
        e.printStackTrace(err);
        return 3;
    }

    private static Throwable findUserError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CovsegException) {
                return t;
            }
        }
        return null;
    }

    /** Reads the version Maven wrote into the jar. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"covseg " + CovsegVersion.number(),
                    "Java " + System.getProperty("java.version") + ", DJL 0.36.0 with PyTorch 2.7.1 (CPU)"};
        }
    }
}
