package org.covseg.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.covseg.CovsegException;
import org.covseg.nn.SegmentationArchitecture;
import org.covseg.train.BceWeighting;
import org.covseg.train.ClassLoss;

/**
 * An experiment: a grid of named training configurations ({@link Cell}s) of one task on one labeled dataset, all
 * validated under one {@link Protocol}. Read from JSON (format: docs/experiments.md); relative paths in it are
 * relative to the config file's folder. Every mistake is reported as one line naming the file and the place.
 *
 * @param base the folder relative paths of the config are resolved against
 * @param text the config file as written, for the results
 */
public record ExperimentConfig(Path file, Path base, String text, String description, Path data, Task task,
                               Path out, long seed, Protocol protocol, Map<String, PretrainBlock> pretrain,
                               Map<String, SemiBlock> semi, List<Cell> cells) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("description", "data", "task", "out", "seed", "protocol",
            "training", "pretrain", "semi", "cells");
    private static final Set<String> CELL_KEYS = Set.of("name", "kind", "description");
    private static final Pattern CELL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public static ExperimentConfig read(Path file, Overrides overrides) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new CovsegException("experiment config " + file + " does not exist");
        } catch (IOException e) {
            throw new CovsegException("cannot read the experiment config " + file + ": " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new CovsegException("config " + file + " is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"), e);
        }
        return parse(file, text, new ConfigNode(root, "config " + file), overrides);
    }

    private static ExperimentConfig parse(Path file, String text, ConfigNode n, Overrides o) {
        n.allowOnly(KEYS);
        Path base = file.toAbsolutePath().normalize().getParent();
        Function<String, Path> paths = p -> base.resolve(p).normalize();
        Task task = task(n);
        Path data = o.data() != null ? o.data() : paths.apply(n.text("data"));
        if (o.out() == null && !n.has("out")) {
            throw n.error("\"out\" is missing; give it in the config or with --out");
        }
        Path out = o.out() != null ? o.out() : paths.apply(n.text("out"));
        long seed = n.has("seed") ? n.whole("seed") : 1;
        Protocol protocol = o.folds() != null ? Protocol.kFold(o.folds())
                : Protocol.of(n.object("protocol", "protocol"), paths);
        ObjectNode shared = json(TrainingSettings.DEFAULTS);
        if (n.has("training")) {
            shared.setAll(n.object("training", "training").json());
        }
        shared.setAll(o.training());
        Map<String, PretrainBlock> blocks = pretrainBlocks(n, shared, paths);
        Map<String, SemiBlock> semi = semiBlocks(n, paths);
        List<Cell> cells = cells(n, task, shared, blocks, semi, o);
        return new ExperimentConfig(file, base, text, n.has("description") ? n.text("description") : "", data, task,
                out, seed, protocol, Collections.unmodifiableMap(blocks), Collections.unmodifiableMap(semi),
                List.copyOf(cells));
    }

    /** A path of a cell ({@code init}, {@code prior}) for one fold: {@code {fold}} and {@code {out}} filled in. */
    Path path(String template, int fold) {
        return base.resolve(template.replace("{fold}", Integer.toString(fold)).replace("{out}", out.toString()))
                .normalize();
    }

    public Cell cell(String name) {
        return cells.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow(() -> new CovsegException(
                "no cell named '" + name + "' in " + file + " (cells: "
                        + String.join(", ", cells.stream().map(Cell::name).toList()) + ")"));
    }

    private static Task task(ConfigNode n) {
        String value = n.text("task");
        try {
            return Task.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw n.error("task must be infection or multiclass, got \"" + value + "\"");
        }
    }

    private static Map<String, PretrainBlock> pretrainBlocks(ConfigNode n, ObjectNode shared,
            Function<String, Path> paths) {
        Map<String, PretrainBlock> blocks = new LinkedHashMap<>();
        if (!n.has("pretrain")) {
            return blocks;
        }
        ConfigNode all = n.object("pretrain", "pretrain");
        for (Iterator<Map.Entry<String, JsonNode>> it = all.json().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String place = "pretrain '" + entry.getKey() + "'";
            ConfigNode own = all.object(entry.getKey(), place);
            ObjectNode merged = json(PretrainBlock.DEFAULTS);
            merged.set("width", shared.get("width"));
            merged.set("size", shared.get("size"));
            merged.set("threads", shared.get("threads"));
            merged.setAll(own.json());
            blocks.put(entry.getKey(), PretrainBlock.of(entry.getKey(), new ConfigNode(merged, own.where()), paths));
        }
        return blocks;
    }

    private static Map<String, SemiBlock> semiBlocks(ConfigNode n, Function<String, Path> paths) {
        Map<String, SemiBlock> blocks = new LinkedHashMap<>();
        if (!n.has("semi")) {
            return blocks;
        }
        ConfigNode all = n.object("semi", "semi");
        for (Iterator<String> it = all.json().fieldNames(); it.hasNext(); ) {
            String name = it.next();
            ConfigNode own = all.object(name, "semi '" + name + "'");
            ObjectNode merged = json(SemiBlock.DEFAULTS);
            merged.setAll(own.json());
            blocks.put(name, SemiBlock.of(name, new ConfigNode(merged, own.where()), paths));
        }
        return blocks;
    }

    private static List<Cell> cells(ConfigNode n, Task task, ObjectNode shared, Map<String, PretrainBlock> blocks,
            Map<String, SemiBlock> semi, Overrides o) {
        JsonNode list = n.json().get("cells");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw n.error("\"cells\" must be a non-empty list of {\"name\": ..., ...}");
        }
        List<Cell> cells = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            ConfigNode c = new ConfigNode(list.get(i), n.where() + ": cells[" + i + "]");
            String name = c.text("name");
            if (!CELL_NAME.matcher(name).matches() || !names.add(name)) {
                throw c.error("cell names must be unique and made of letters, digits, '.', '_' and '-' (they"
                        + " name folders), got \"" + name + "\"");
            }
            ConfigNode own = new ConfigNode(c.json(), n.where() + ": cell '" + name + "'");
            ObjectNode merged = shared.deepCopy();
            ObjectNode keys = own.json().deepCopy();
            keys.remove(CELL_KEYS);
            merged.setAll(keys);
            merged.setAll(o.training());
            TrainingSettings settings = TrainingSettings.of(new ConfigNode(merged, own.where()));
            CellKind kind = own.has("kind") ? CellKind.of(own.text("kind"), own) : CellKind.SUPERVISED;
            check(own, task, kind, settings, blocks);
            cells.add(new Cell(name, kind, own.has("description") ? own.text("description") : "", settings,
                    merged));
        }
        checkSemi(n, task, cells, semi);
        return cells;
    }

    private static void check(ConfigNode c, Task task, CellKind kind, TrainingSettings s,
            Map<String, PretrainBlock> blocks) {
        if (task == Task.multiclass) {
            if (s.cutout() > 0 || s.bce() != BceWeighting.WEIGHTED || s.pretrain() != null
                    || s.arch() != SegmentationArchitecture.INFNET || s.semi() != null) {
                throw c.error("cutout, bce, pretrain, arch and semi do not apply to task multiclass (its U-Net's"
                        + " variants differ by their \"prior\" infection model and augmentation)");
            }
            if (kind != CellKind.SUPERVISED && s.prior() == null) {
                throw c.error("a multiclass cell of kind " + kind.key() + " needs \"prior\": the " + kind.key()
                        + " infection model(s) whose probability map it takes as input");
            }
            return;
        }
        if (s.prior() != null || s.classLoss() != ClassLoss.BCE) {
            throw c.error("\"prior\" and \"classLoss\" apply to task multiclass only");
        }
        if (s.pretrain() != null && s.init() != null) {
            throw c.error("give \"pretrain\" or \"init\", not both");
        }
        if (s.pretrain() != null) {
            PretrainBlock block = blocks.get(s.pretrain());
            if (block == null) {
                throw c.error("pretrain \"" + s.pretrain() + "\" is not a block of \"pretrain\" (blocks: "
                        + String.join(", ", blocks.keySet()) + ")");
            }
            if (block.width() != s.width()) {
                throw c.error("trains at width " + s.width() + " but pretrain '" + block.name() + "' is made at"
                        + " width " + block.width() + "; the weights must have the same shapes");
            }
        }
        switch (kind) {
            case SUPERVISED -> {
                if (s.pretrain() != null) {
                    throw c.error("a cell with \"pretrain\" is of kind self-supervised");
                }
            }
            case SELF_SUPERVISED -> {
                if (s.pretrain() == null && s.init() == null) {
                    throw c.error("a self-supervised cell needs \"pretrain\" (a block name) or \"init\" (a"
                            + " pre-trained folder)");
                }
            }
            case SEMI -> {
                if ((s.init() == null) == (s.semi() == null)) {
                    throw c.error("a semi cell needs either \"semi\" (a block name) or \"init\" (the Semi-Inf-Net"
                            + " model of each fold, e.g. \"{out}/semi/fold-{fold}/model\")");
                }
            }
        }
        if (s.semi() != null && kind != CellKind.SEMI) {
            throw c.error("a cell with \"semi\" is of kind semi");
        }
    }

    /**
     * Each semi block must start from a cell of this config that trains an Inf-Net from its own fold's slices, and
     * the cells naming a block must name one that exists and fine-tune it at its width.
     */
    private static void checkSemi(ConfigNode n, Task task, List<Cell> cells, Map<String, SemiBlock> semi) {
        if (task == Task.multiclass && !semi.isEmpty()) {
            throw n.error("\"semi\" blocks apply to task infection only (multiclass semi cells take a semi \"prior\")");
        }
        Map<String, Cell> byName = new LinkedHashMap<>();
        cells.forEach(c -> byName.put(c.name(), c));
        for (SemiBlock block : semi.values()) {
            Cell from = byName.get(block.from());
            String where = "semi '" + block.name() + "': ";
            if (from == null) {
                throw n.error(where + "\"from\" must name a cell of the config, got \"" + block.from() + "\"");
            }
            if (from.kind() == CellKind.SEMI || from.settings().arch() != SegmentationArchitecture.INFNET) {
                throw n.error(where + "starts from cell '" + from.name() + "', which must train an Inf-Net and not"
                        + " be of kind semi (the Semi-Inf-Net procedure starts from a supervised Inf-Net)");
            }
        }
        for (Cell cell : cells) {
            String name = cell.settings().semi();
            if (name == null) {
                continue;
            }
            SemiBlock block = semi.get(name);
            if (block == null) {
                throw n.error("cell '" + cell.name() + "': semi \"" + name + "\" is not a block of \"semi\" (blocks: "
                        + String.join(", ", semi.keySet()) + ")");
            }
            if (cell.settings().width() != byName.get(block.from()).settings().width()) {
                throw n.error("cell '" + cell.name() + "' trains at width " + cell.settings().width() + " but semi '"
                        + name + "' starts from cell '" + block.from() + "' at width "
                        + byName.get(block.from()).settings().width() + "; the weights must have the same shapes");
            }
        }
    }

    static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bad built-in defaults", e);
        }
    }
}
