package org.covseg.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.util.Pair;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.covseg.CovsegException;
import org.covseg.io.SafetensorsContent;
import org.covseg.io.SafetensorsDtype;
import org.covseg.io.SafetensorsReader;
import org.covseg.io.SafetensorsTensor;
import org.covseg.io.SafetensorsWriter;

/**
 * The PyTorch state dict of a block: its parameters under the official names, in PyTorch's order.
 *
 * <p>Names are the dotted path of child names ({@code resnet.layer1.0.convs.2.weight}); DJL's index prefix of
 * each child name is dropped, and a child registered under {@link #UNNAMED} adds no segment (its parameters sit at
 * the parent's level, as Inf-Net's {@code ra4_conv1} or {@code edge_conv1}). BatchNorm's gamma, beta and running
 * statistics become {@code weight, bias, running_mean, running_var}; each BatchNorm also has a
 * {@code num_batches_tracked} entry, which DJL does not keep: it is ignored on import and exported as 0 (PyTorch uses
 * it only when momentum is None).
 */
public final class StateDict {

    /** The child name of a block whose parameters belong to its parent's level of the state dict. */
    public static final String UNNAMED = "";

    static final String BATCH_COUNTER = "num_batches_tracked";

    private static final Map<String, String> BATCH_NORM_NAMES = Map.of(
            "gamma", "weight", "beta", "bias", "runningMean", "running_mean", "runningVar", "running_var");
    private static final int NAMES_SHOWN = 5;

    /** Official name → parameter; a null parameter marks a BatchNorm's {@code num_batches_tracked}. */
    private final LinkedHashMap<String, Parameter> entries = new LinkedHashMap<>();

    private StateDict(Block root) {
        collect(root, "");
    }

    private StateDict(Map<String, Parameter> entries) {
        this.entries.putAll(entries);
    }

    /**
     * This state dict without the entries under the given layer names (a name covers itself and every key that
     * starts with {@code name + "."}): saving it leaves them out, loading it leaves them as they are.
     */
    public StateDict without(Collection<String> layers) {
        LinkedHashMap<String, Parameter> kept = new LinkedHashMap<>();
        entries.forEach((key, p) -> {
            if (layers.stream().noneMatch(layer -> key.equals(layer) || key.startsWith(layer + "."))) {
                kept.put(key, p);
            }
        });
        return new StateDict(kept);
    }

    /** The state dict of an initialised block. */
    public static StateDict of(Block root) {
        return new StateDict(root);
    }

    private void collect(Block block, String prefix) {
        boolean batchNorm = block instanceof BatchNorm;
        for (Pair<String, Parameter> p : block.getDirectParameters()) {
            String name = batchNorm ? BATCH_NORM_NAMES.get(p.getKey()) : p.getKey();
            entries.put(prefix + name, p.getValue());
        }
        if (batchNorm) {
            entries.put(prefix + BATCH_COUNTER, null);
        }
        int index = 0;
        for (Pair<String, Block> child : block.getChildren()) {
            index++;
            String name = child.getKey().substring(String.format(Locale.ROOT, "%02d", index).length());
            collect(child.getValue(), name.isEmpty() ? prefix : prefix + name + ".");
        }
    }

    /** All official keys, in PyTorch's order, including the BatchNorm counters. */
    public Set<String> keys() {
        return new LinkedHashSet<>(entries.keySet());
    }

    /** Official name → parameter, in PyTorch's order, without the BatchNorm counters. */
    public Map<String, Parameter> parameters() {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        entries.forEach((name, p) -> {
            if (p != null) {
                parameters.put(name, p);
            }
        });
        return parameters;
    }

    /** The number of learnable values (weights, biases, BatchNorm scales and shifts; not running statistics). */
    public long parameterCount() {
        long count = 0;
        for (Parameter p : entries.values()) {
            if (p != null && p.getType() != Parameter.Type.RUNNING_MEAN && p.getType() != Parameter.Type.RUNNING_VAR) {
                count += p.getArray().size();
            }
        }
        return count;
    }

    /** Loads a safetensors state dict (plain or gzipped) into the parameters. */
    public void load(Path file) throws IOException {
        load(SafetensorsReader.read(file), file.toString());
    }

    /**
     * Loads the tensors of {@code content} whose names start with {@code prefix}, without it, as {@link #load}
     * does (for example the {@code resnet.} backbone of an Inf-Net state dict into a bare backbone); other tensors
     * are ignored. Having no tensor with the prefix is an error.
     */
    public void loadPrefixed(SafetensorsContent content, String prefix, String source) {
        Map<String, SafetensorsTensor> selected = new LinkedHashMap<>();
        content.tensors().forEach((name, tensor) -> {
            if (name.startsWith(prefix)) {
                selected.put(name.substring(prefix.length()), tensor);
            }
        });
        if (selected.isEmpty()) {
            throw new CovsegException(source + " has no tensor named " + prefix + "*; expected an Inf-Net (or"
                    + " detection) state dict");
        }
        load(new SafetensorsContent(selected, content.metadata()), source + " (" + prefix + "*)");
    }

    /**
     * Copies the tensors into the parameters: every parameter must be present with its shape, in a floating-point
     * dtype; tensors with unknown names are an error (as PyTorch's strict loading). {@code source} names the origin
     * in error messages.
     */
    public void load(SafetensorsContent content, String source) {
        Map<String, SafetensorsTensor> tensors = content.tensors();
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : entries.entrySet()) {
            if (e.getValue() != null && !tensors.containsKey(e.getKey())) {
                missing.add(e.getKey());
            }
        }
        List<String> unexpected = tensors.keySet().stream().filter(k -> !entries.containsKey(k)).toList();
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw new CovsegException(source + " does not match this network (" + missing.size() + " missing: "
                    + shown(missing) + "; " + unexpected.size() + " unexpected: " + shown(unexpected)
                    + "); was it saved from a network of the same architecture and width?");
        }
        for (Map.Entry<String, Parameter> e : entries.entrySet()) {
            if (e.getValue() != null) {
                copy(tensors.get(e.getKey()), e.getValue().getArray(), source);
            }
        }
    }

    private static void copy(SafetensorsTensor tensor, NDArray target, String source) {
        Shape shape = new Shape(tensor.shape());
        if (!shape.equals(target.getShape())) {
            throw new CovsegException(source + ": tensor '" + tensor.name() + "' has shape " + shape
                    + " but the network expects " + target.getShape()
                    + "; was it saved from a network of the same width?");
        }
        if (tensor.dtype() == SafetensorsDtype.I64) {
            throw new CovsegException(source + ": tensor '" + tensor.name() + "' is an integer tensor, expected"
                    + " floating-point weights");
        }
        target.set(tensor.toFloatArray());
    }

    /** The parameters as float32 tensors under their official names, counters as int64 zeros. */
    public List<SafetensorsTensor> export() {
        List<SafetensorsTensor> tensors = new ArrayList<>();
        for (Map.Entry<String, Parameter> e : entries.entrySet()) {
            if (e.getValue() == null) {
                tensors.add(SafetensorsTensor.ofLongs(e.getKey(), new long[0], new long[] {0}));
            } else {
                NDArray array = e.getValue().getArray();
                tensors.add(SafetensorsTensor.ofFloats(e.getKey(), array.getShape().getShape(),
                        array.toFloatArray()));
            }
        }
        return tensors;
    }

    /** Writes {@link #export()} to a safetensors file, with optional string metadata. */
    public void save(Path file, Map<String, String> metadata) throws IOException {
        SafetensorsWriter.write(file, export(), metadata);
    }

    private static String shown(List<String> names) {
        if (names.isEmpty()) {
            return "none";
        }
        String head = names.stream().limit(NAMES_SHOWN).collect(Collectors.joining(", "));
        return names.size() > NAMES_SHOWN ? head + ", ..." : head;
    }
}
