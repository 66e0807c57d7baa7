package org.covseg.experiment;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.covseg.CovsegException;
import org.covseg.data.Datasets;
import org.covseg.data.Split;
import org.covseg.data.Splits;
import org.covseg.model.ModelDir;

/**
 * Runs an experiment: every selected cell on every fold of the protocol, one after the other, in
 * {@code <out>/<cell>/fold-<i>/}, then rewrites the results ({@link ResultsFiles}) after each fold.
 *
 * <p>Re-running is safe and cheap: a fold whose {@value FoldResult#FILE} exists is finished and skipped; a fold with
 * a training checkpoint resumes where it stopped; pre-training is run once and reused, a semi block once per fold
 * (after the fold of the cell it starts from). A cell's settings are
 * recorded in {@code <out>/<cell>/cell.json} and a later run with other settings fails that cell rather than mix
 * results. The folds are written to {@code <out>/folds/fold-<i>.json} (split.json format) for tools that must
 * respect them (a semi-supervised model per fold is made from that fold's training slices only).
 *
 * <p>A cell that fails (a missing init or prior model, a bad option) is reported and the others go on; a stop
 * (Ctrl-C) during training ends the run after the trainer's checkpoint.
 */
public final class ExperimentRunner {

    /** How a run ended: stopped early or not, the cells that failed (name → why), and the files written. */
    public record Outcome(boolean stopped, Map<String, String> failures, List<Path> written, List<String> table) {
    }

    /** What a cell recorded before a key existed had that key's default (e.g. {@code arch}). */
    private static final ObjectNode RECIPE_DEFAULTS = JsonNodeFactory.instance.objectNode();

    static {
        RECIPE_DEFAULTS.set("settings", ExperimentConfig.json(TrainingSettings.DEFAULTS));
        RECIPE_DEFAULTS.set("pretrain", PretrainBlock.RECORDED_DEFAULTS);
        RECIPE_DEFAULTS.set("semi", SemiBlock.RECORDED_DEFAULTS);
    }

    private final ExperimentConfig config;
    private final String command;
    private final PrintWriter log;
    private final Pretrainings pretrainings;
    private final SemiRuns semiRuns;
    private final Map<String, String> failures = new LinkedHashMap<>();
    private final Set<Integer> onlyFolds;
    private List<Split> folds;

    private ExperimentRunner(ExperimentConfig config, Set<Integer> onlyFolds, String command, PrintWriter log) {
        this.config = config;
        this.onlyFolds = onlyFolds;
        this.command = command;
        this.log = log;
        this.pretrainings = new Pretrainings(config, command, log);
        this.semiRuns = new SemiRuns(config, command, log);
    }

    /**
     * Runs the named cells ({@code only}; all when empty) of the experiment on the numbered folds ({@code onlyFolds},
     * from 1; all when empty), so that several processes or machines can share one experiment's folds; see the class
     * comment.
     */
    public static Outcome run(ExperimentConfig config, List<String> only, Set<Integer> onlyFolds, String command,
            PrintWriter log) throws IOException {
        return new ExperimentRunner(config, onlyFolds, command, log).run(only);
    }

    private Outcome run(List<String> only) throws IOException {
        List<Cell> selected = only.isEmpty() ? config.cells() : only.stream().map(config::cell).toList();
        folds = config.protocol().splits(Datasets.open(config.data()).names(), config.seed());
        for (int fold : onlyFolds) {
            if (fold < 1 || fold > folds.size()) {
                throw new CovsegException("--fold " + fold + ": the protocol has folds 1 to " + folds.size());
            }
        }
        for (int i = 0; i < folds.size(); i++) {
            Files.createDirectories(config.out().resolve("folds"));
            Splits.write(folds.get(i), config.out().resolve("folds").resolve("fold-" + (i + 1) + ".json"));
        }
        log.printf("experiment %s: %d cell(s) x %d fold(s) (%s) into %s%n", config.file(), selected.size(),
                folds.size(), config.protocol().describe(), config.out());
        List<Path> written = List.of();
        for (Cell cell : selected) {
            boolean completed;
            try {
                completed = runCell(cell);
            } catch (CovsegException e) {
                failures.put(cell.name(), e.getMessage());
                log.println("cell " + cell.name() + " failed: " + e.getMessage());
                completed = true;
            }
            written = writeResults();
            if (!completed) {
                log.println("stopped; run the same command again to continue where it stopped");
                return new Outcome(true, Collections.unmodifiableMap(failures), written, table());
            }
        }
        written = writeResults();
        return new Outcome(false, Collections.unmodifiableMap(failures), written, table());
    }

    /** Runs the cell's unfinished folds; false if stopped. */
    private boolean runCell(Cell cell) throws IOException {
        Path cellDir = config.out().resolve(cell.name());
        Files.createDirectories(cellDir);
        Fingerprint.check(cellDir.resolve("cell.json"), recipe(cell), RECIPE_DEFAULTS, "cell '" + cell.name() + "'");
        for (int fold = 1; fold <= folds.size(); fold++) {
            Path dir = foldDirectory(cell, fold);
            if (!onlyFolds.isEmpty() && !onlyFolds.contains(fold)) {
                continue;
            }
            if (Files.exists(dir.resolve(FoldResult.FILE))) {
                log.printf("cell %s, fold %d: finished earlier, skipped%n", cell.name(), fold);
                continue;
            }
            FoldTraining.Inputs inputs = inputs(cell, fold);
            if (inputs == null) {
                return false;
            }
            FoldResult result = FoldTraining.run(config, cell, fold, folds.get(fold - 1), inputs, dir, command, log);
            if (result == null) {
                return false;
            }
            result.write(dir.resolve(FoldResult.FILE));
            log.printf(Locale.ROOT, "cell %s, fold %d: %s%n", cell.name(), fold, summary(result));
            writeResults();
        }
        return true;
    }

    /** What the cell's results depend on: the task, data, folds and its settings (and its pre-training's). */
    private ObjectNode recipe(Cell cell) {
        ObjectNode recipe = JsonNodeFactory.instance.objectNode();
        recipe.put("task", config.task().name());
        recipe.put("data", config.data().toAbsolutePath().normalize().toString());
        recipe.put("seed", config.seed());
        recipe.set("folds", Fingerprint.json(folds.stream().map(Split::validation).toList()));
        recipe.put("kind", cell.kind().key());
        recipe.set("settings", cell.resolved());
        if (cell.settings().pretrain() != null) {
            recipe.set("pretrain", Fingerprint.json(config.pretrain().get(cell.settings().pretrain())));
        }
        if (cell.settings().semi() != null) {
            recipe.set("semi", Fingerprint.json(config.semi().get(cell.settings().semi())));
        }
        return recipe;
    }

    /** The fold's init and prior paths, checked to exist; null if a run they need (made now) was stopped. */
    private FoldTraining.Inputs inputs(Cell cell, int fold) throws IOException {
        TrainingSettings s = cell.settings();
        Path init = null;
        if (s.pretrain() != null) {
            init = pretrainings.model(s.pretrain());
            if (init == null) {
                return null;
            }
        } else if (s.semi() != null) {
            init = semiModel(s.semi(), fold);
            if (init == null) {
                return null;
            }
        } else if (s.init() != null) {
            init = config.path(s.init(), fold);
            if (!Files.exists(init)) {
                throw new CovsegException(missingInit(cell, fold, init));
            }
        }
        Path prior = null;
        if (s.prior() != null) {
            prior = config.path(s.prior(), fold);
            if (!Files.exists(prior.resolve(ModelDir.SPEC_FILE))) {
                throw new CovsegException("fold " + fold + ": no prior model at " + prior + " (run the experiment"
                        + " or training that makes it first)");
            }
        }
        return new FoldTraining.Inputs(init, prior);
    }

    /** The fold's model of a semi block, after finishing the fold of its start cell if needed; null if stopped. */
    private Path semiModel(String name, int fold) throws IOException {
        Cell from = config.cell(config.semi().get(name).from());
        Path start = foldDirectory(from, fold);
        if (!Files.exists(start.resolve(FoldResult.FILE))) {
            log.printf("semi '%s' starts from cell %s, which runs first%n", name, from.name());
            try {
                if (!runCell(from)) {
                    return null;
                }
            } catch (CovsegException e) {
                throw new CovsegException("semi '" + name + "' needs cell " + from.name() + ", which failed: "
                        + e.getMessage(), e);
            }
        }
        return semiRuns.model(name, fold, folds.get(fold - 1), start.resolve("model"), from.settings());
    }

    private String missingInit(Cell cell, int fold, Path init) {
        Path foldFile = config.out().resolve("folds").resolve("fold-" + fold + ".json");
        if (cell.kind() == CellKind.SEMI) {
            return "fold " + fold + ": no Semi-Inf-Net model at " + init + ". Make it with covseg semi from a model"
                    + " trained only on the training slices of " + foldFile + ", or let the experiment make it with a"
                    + " \"semi\" block (docs/experiments.md)";
        }
        return "fold " + fold + ": init " + init + " does not exist";
    }

    private Path foldDirectory(Cell cell, int fold) {
        return config.out().resolve(cell.name()).resolve("fold-" + fold);
    }

    private static String summary(FoldResult r) {
        List<String> parts = new ArrayList<>();
        r.classes().forEach((c, scores) -> parts.add(String.format(Locale.ROOT, "%s meanDic %.3f", c,
                scores.get(ProtocolMetric.DICE.key()))));
        return String.join(", ", parts) + String.format(Locale.ROOT, " (epoch %d, %.0f s training)", r.epoch(),
                r.trainSeconds());
    }

    private ResultsFiles.Results results() throws IOException {
        List<CellSummary> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Cell cell : config.cells()) {
            List<FoldResult> done = new ArrayList<>();
            for (int fold = 1; fold <= folds.size(); fold++) {
                Path file = foldDirectory(cell, fold).resolve(FoldResult.FILE);
                if (Files.exists(file)) {
                    FoldResult r = FoldResult.read(file);
                    done.add(r);
                    r.notes().forEach(n -> notes.add("cell " + cell.name() + ", fold " + r.fold() + ": " + n));
                }
            }
            rows.addAll(CellSummary.of(cell, config.task().classes(), done, folds.size(),
                    failures.get(cell.name())));
        }
        Map<String, Double> shared = new LinkedHashMap<>(pretrainings.allSeconds());
        shared.putAll(semiRuns.allSeconds());
        return new ResultsFiles.Results(rows, notes, shared);
    }

    private List<Path> writeResults() throws IOException {
        return ResultsFiles.write(config, results(), command);
    }

    private List<String> table() throws IOException {
        return ResultsTable.markdown(results().rows(), config.task() == Task.multiclass);
    }
}
