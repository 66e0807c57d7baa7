package org.covseg.cohort;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.covseg.CovsegException;
import org.covseg.CovsegVersion;
import org.covseg.analysis.AnalysisModels;
import org.covseg.analysis.AnalysisOptions;
import org.covseg.model.DefaultModels;
import org.covseg.model.ModelDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code covseg cohort}: the Spark application's command line (run by the launcher or spark-submit). */
@Command(name = "covseg cohort", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Many studies on Apache Spark: each analysed as covseg analyze would (research software, not for"
                + " clinical use), its outputs under <out>/studies/<id>/, and one table of them all,"
                + " <out>/cohort.parquet and <out>/cohort.csv (columns: docs/cohort.md).",
                "A rerun reuses the studies whose outputs are complete and analyses the rest; a study that cannot be"
                        + " analysed is a row with its error. Exit code 1 when any study failed."})
public final class CohortMain implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<studies>", description = "A folder of studies (NIfTI files, DICOM or image folders), a"
            + " .txt list of study paths, or a .csv with the columns path[,study_id][,series]; a local path or any"
            + " Hadoop URI (hdfs://, s3a://, ...).")
    String studies;

    @Option(names = "--out", required = true, paramLabel = "<root>", description = "Output root (local or Hadoop URI).")
    String out;

    @Option(names = "--master", paramLabel = "<url>", description = "Spark master, e.g. local[2] or spark://host:7077"
            + " (default: the one spark-submit gives, else local[*]).")
    String master;

    @Option(names = "--partitions", paramLabel = "<n>", description = "Tasks the studies are shared among (default:"
            + " one per study).")
    Integer partitions;

    @Option(names = "--threads-per-task", defaultValue = "1", paramLabel = "<n>",
            description = "PyTorch threads of each task (default: ${DEFAULT-VALUE}; one task per core).")
    int threadsPerTask;

    @Option(names = "--model", paramLabel = "<dir>", description = "Infection model folder, as every executor sees it"
            + " (default: the shipped models/infection).")
    Path model;

    @Option(names = "--multiclass-model", paramLabel = "<dir>", description = "Multi-class model (default:"
            + " models/multiclass when installed).")
    Path multiclassModel;

    @Option(names = "--detect-model", paramLabel = "<dir>", description = "Detection model (default: models/detect"
            + " when installed).")
    Path detectModel;

    @Option(names = "--no-classes", description = "Do not split the infection into ground-glass and consolidation.")
    boolean noClasses;

    @Option(names = "--no-detect", description = "Do not run COVID-19 detection.")
    boolean noDetect;

    @Option(names = "--pdf", description = "Also write report.pdf for each study.")
    boolean pdf;

    @Option(names = "--threshold", defaultValue = "0.5",
            description = "Infection threshold (default: ${DEFAULT-VALUE}).")
    double threshold;

    @Option(names = "--batch-size", defaultValue = "4", description = "Slices per batch (default: ${DEFAULT-VALUE}).")
    int batchSize;

    public static void main(String[] args) {
        CommandLine cl = new CommandLine(new CohortMain());
        cl.setParameterExceptionHandler((e, args2) -> {
            e.getCommandLine().getErr().println("covseg: " + e.getMessage() + " (see 'covseg cohort --help')");
            return 2;
        });
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof CovsegException) {
                    line.getErr().println("covseg: " + t.getMessage());
                    return 1;
                }
            }
            line.getErr().println("covseg: internal error (a bug in covseg; please report it with the trace below): "
                    + e);
            e.printStackTrace(line.getErr());
            return 3;
        });
        System.exit(cl.execute(args));
    }

    @Override
    public Integer call() {
        if (!(threshold > 0 && threshold < 1) || batchSize < 1 || threadsPerTask < 1) {
            throw new CovsegException("--threshold must lie in (0, 1), --batch-size and --threads-per-task be at"
                    + " least 1");
        }
        List<CohortStudy> list = CohortManifest.read(studies);
        CohortSettings settings = settings();
        PrintWriter log = spec.commandLine().getOut();
        SparkSession.Builder builder = SparkSession.builder().appName("covseg cohort")
                .config("spark.ui.enabled", "false");
        if (master != null) {
            builder.master(master);
        } else if (!new SparkConf().contains("spark.master")) {
            builder.master("local[*]");
        }
        SparkSession spark = builder.getOrCreate();
        List<CohortRow> rows;
        try {
            log.printf(Locale.ROOT, "covseg cohort: %d studies on %s%n", list.size(), spark.sparkContext().master());
            log.flush();
            rows = CohortRun.run(spark, list, settings, partitions != null ? partitions : list.size());
        } finally {
            spark.stop();
        }
        long failed = rows.stream().filter(r -> r.status().equals(CohortRow.FAILED)).count();
        long reused = rows.stream().filter(CohortRow::reused).count();
        rows.stream().filter(r -> r.status().equals(CohortRow.FAILED))
                .forEach(r -> log.println("FAILED " + r.studyId() + ": " + r.error()));
        log.printf(Locale.ROOT, "covseg cohort: %d analysed, %d reused from an earlier run, %d failed; table in %s/%s"
                + " and %s/%s%n", rows.size() - failed - reused, reused, failed, out, CohortTable.CSV, out,
                CohortTable.PARQUET);
        return failed > 0 ? 1 : 0;
    }

    private CohortSettings settings() {
        AnalysisModels.Folders f = AnalysisModels.Folders.chosen(model != null ? model : DefaultModels.infection(),
                multiclassModel, noClasses, detectModel, noDetect);
        for (Path m : new Path[] {f.infection(), f.multiclass(), f.detect()}) {
            if (m != null) {
                ModelDir.readSpec(m);
            }
        }
        AnalysisOptions o = AnalysisOptions.DEFAULTS;
        return new CohortSettings(out, absolute(f.infection()), absolute(f.multiclass()), absolute(f.detect()),
                f.noClassesReason(), f.noDetectionReason(), new AnalysisOptions(null, threshold, null, !noClasses,
                !noDetect, pdf, false, false, o.orientation()), batchSize, threadsPerTask, CovsegVersion.number());
    }

    private static String absolute(Path p) {
        return p == null ? null : p.toAbsolutePath().normalize().toString();
    }
}
