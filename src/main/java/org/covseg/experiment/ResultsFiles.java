package org.covseg.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.covseg.io.AtomicFiles;

/**
 * Writes an experiment's {@value #CSV}, {@value #MARKDOWN} (the table, how to read it, notes, the exact command, the
 * config as written and each cell's resolved settings) and {@value #CHART} into its output folder. Written after
 * every fold, so an interrupted experiment still has tables of what is finished.
 */
final class ResultsFiles {

    static final String CSV = "results.csv";
    static final String MARKDOWN = "results.md";
    static final String CHART = "results.png";

    private ResultsFiles() {
    }

    /**
     * The state of an experiment's results: its rows and what to say about them.
     *
     * @param sharedSeconds the compute of runs that cells share (pre-trainings, semi-supervised runs) by a label
     */
    record Results(List<CellSummary> rows, List<String> notes, Map<String, Double> sharedSeconds) {
    }

    static List<Path> write(ExperimentConfig config, Results results, String command) throws IOException {
        Path out = config.out();
        List<Path> written = new ArrayList<>();
        AtomicFiles.writeString(out.resolve(CSV), ResultsTable.csv(results.rows()));
        written.add(out.resolve(CSV));
        AtomicFiles.writeString(out.resolve(MARKDOWN), markdown(config, results, command));
        written.add(out.resolve(MARKDOWN));
        byte[] png = ResultsChart.png(results.rows(), title(config));
        if (png != null) {
            AtomicFiles.write(out.resolve(CHART), o -> o.write(png));
            written.add(out.resolve(CHART));
        }
        return written;
    }

    private static String title(ExperimentConfig config) {
        return config.task() + ": " + config.protocol().describe();
    }

    static String markdown(ExperimentConfig config, Results results, String command) {
        List<String> md = new ArrayList<>();
        md.add("# Experiment " + config.file().getFileName());
        md.add("");
        if (!config.description().isEmpty()) {
            md.add(config.description());
            md.add("");
        }
        md.add("Task " + config.task() + " on `" + config.data() + "`; validation: " + config.protocol().describe()
                + " (seed " + config.seed() + ").");
        md.add("");
        md.addAll(ResultsTable.markdown(results.rows(), config.task() == Task.multiclass));
        md.add("");
        md.add("Mean ± sample standard deviation (n − 1) over the finished folds of each cell. Dice, Sen, Spec and"
                + " E-φ are the Inf-Net protocol's means over 256 thresholds, S-α and MAE means over slices, all as"
                + " `covseg evaluate --model` computes them on the fold's validation slices at their own size. The"
                + " evaluated model is the epoch with the best validation " + config.task().bestMetric()
                + " (as `covseg train` exports), so fold scores are optimistic by that choice, equally for every"
                + " cell. val loss: the training objective on the validation slices at that epoch. train s/fold:"
                + " seconds of the training epochs (summed over interruptions), without evaluation or pre-training.");
        if (!results.sharedSeconds().isEmpty()) {
            md.add("");
            results.sharedSeconds().forEach((what, s) -> md.add(String.format(Locale.ROOT, "- %s: %.0f s", what,
                    s)));
        }
        if (!results.notes().isEmpty()) {
            md.add("");
            md.add("Notes:");
            results.notes().forEach(n -> md.add("- " + n));
        }
        md.add("");
        md.add("## Command");
        md.add("");
        md.add("```");
        md.add(command);
        md.add("```");
        md.add("");
        md.add("## Config (`" + config.file() + "`)");
        md.add("");
        md.add("```json");
        md.add(config.text().strip());
        md.add("```");
        md.add("");
        md.add("## Resolved settings per cell");
        md.add("");
        for (Cell cell : config.cells()) {
            md.add("- `" + cell.name() + "` (" + cell.kind().key() + "): `" + cell.resolved() + "`");
        }
        md.add("");
        return String.join("\n", md);
    }
}
