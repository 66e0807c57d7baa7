package org.covseg.model;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.covseg.CovsegException;
import org.covseg.engine.Numerics;
import org.covseg.io.AtomicFiles;
import org.covseg.io.StagedFolder;
import org.covseg.nn.DetectionNet;
import org.covseg.nn.SegmentationArchitecture;
import org.covseg.nn.StateDict;
import org.covseg.nn.UNet;

/**
 * A model on disk: a directory with {@code model.json} ({@link ModelSpec}) and the safetensors weights under the
 * official parameter names (Inf-Net's; a detection model's are Inf-Net's {@code resnet.*} plus {@code classifier.*};
 * the official U-Net's for multiclass models), so PyTorch users can load them. Loading validates both and reports a
 * wrong or corrupt model in one clear line.
 *
 * <p>A multiclass model does not contain its prior (the infection model whose map it takes as input); it records
 * the prior's name, version, weights hash and path relative to its own folder. {@link #priorOf} looks there first,
 * then at the installation's default infection model ({@code models/infection}), and accepts only a model with the
 * recorded weights hash, so a multiclass model copied next to the shipped infection model keeps working.
 */
public final class ModelDir {

    public static final String SPEC_FILE = "model.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ModelDir() {
    }

    /** Reads and validates {@code model.json} (not the weights). */
    public static ModelSpec readSpec(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new CovsegException("model folder not found: " + dir
                    + " (a model is a folder with model.json and " + ModelSpec.WEIGHTS_FILE + ")");
        }
        Path specFile = dir.resolve(SPEC_FILE);
        if (!Files.isRegularFile(specFile)) {
            throw new CovsegException(dir + " is not a covseg model: it has no " + SPEC_FILE);
        }
        ModelSpec spec;
        try {
            spec = JSON.readValue(specFile.toFile(), ModelSpec.class);
        } catch (JsonProcessingException e) {
            throw new CovsegException(specFile + " is not valid model JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new CovsegException("cannot read " + specFile + ": " + e.getMessage(), e);
        }
        if (!ModelSpec.FORMAT.equals(spec.format())) {
            throw new CovsegException(specFile + " is not a covseg model (format \"" + spec.format() + "\")");
        }
        if (spec.formatVersion() > ModelSpec.FORMAT_VERSION) {
            throw new CovsegException(specFile + " has format version " + spec.formatVersion()
                    + ", newer than this covseg understands (" + ModelSpec.FORMAT_VERSION + "); update covseg");
        }
        List<String> tasks = List.of(ModelSpec.INFECTION, ModelSpec.MULTICLASS, ModelSpec.DETECT,
                ModelSpec.PRETRAINED);
        if (spec.task() != null && !tasks.contains(spec.task())) {
            throw new CovsegException(specFile + ": unsupported task \"" + spec.task() + "\" (known: "
                    + String.join(", ", tasks) + ")");
        }
        if ((spec.weights() == null && !spec.isEnsemble()) || spec.mean() == null || spec.std() == null
                || spec.window() == null || spec.mean().length != 3 || spec.std().length != 3) {
            throw new CovsegException(specFile + " lacks weights, normalisation or window fields");
        }
        if (spec.isEnsemble()) {
            validateEnsemble(dir, spec);
        }
        if (spec.testTimeFlips() != null && (!spec.isSegmentation() || spec.isPretrained())) {
            throw new CovsegException(specFile + ": testTimeFlips applies to infection models only, not to task \""
                    + spec.task() + "\"");
        }
        if (spec.testTimeFlips() != null && spec.formatVersion() < 2) {
            throw new CovsegException(specFile + ": testTimeFlips needs \"formatVersion\" : 2, so that a covseg"
                    + " older than it refuses the model instead of making other masks");
        }
        if (spec.isMulticlass() && (spec.prior() == null || spec.prior().weightsSha256() == null
                || spec.prior().path() == null)) {
            throw new CovsegException(specFile + " is a multiclass model without its prior (the infection model"
                    + " it was trained with)");
        }
        try {
            validateNetwork(spec);
        } catch (IllegalArgumentException e) {
            throw new CovsegException(specFile + ": " + e.getMessage(), e);
        }
        return spec;
    }

    /**
     * Checks that an ensemble's members are infection models inside its folder, prepared for the network exactly as
     * the ensemble says (one input serves them all), and that they are the members it was made with.
     */
    private static void validateEnsemble(Path dir, ModelSpec spec) {
        Path specFile = dir.resolve(SPEC_FILE);
        if (spec.formatVersion() < ModelSpec.ENSEMBLE_FORMAT_VERSION) {
            throw new CovsegException(specFile + ": members needs \"formatVersion\" : "
                    + ModelSpec.ENSEMBLE_FORMAT_VERSION + ", so that a covseg older than it refuses the ensemble");
        }
        if (!ModelSpec.INFECTION.equals(spec.task()) || spec.weights() != null || spec.members().isEmpty()) {
            throw new CovsegException(specFile + ": an ensemble is an infection model with at least one member and"
                    + " no weights of its own");
        }
        List<String> hashes = new ArrayList<>();
        for (Path member : members(dir, spec)) {
            ModelSpec m = readSpec(member);
            String differs = memberDifference(spec, m);
            if (differs != null) {
                throw new CovsegException(specFile + ": its member " + member + " " + differs);
            }
            hashes.add(m.weightsSha256());
        }
        if (!ModelSpec.membersSha256(hashes).equals(spec.weightsSha256())) {
            throw new CovsegException(specFile + ": its members are not the ones it was made with (the SHA-256 of"
                    + " their weights hashes differs from weightsSha256); make the ensemble again");
        }
    }

    /** Why {@code member} cannot be a member of {@code ensemble}, or null if it can. */
    private static String memberDifference(ModelSpec ensemble, ModelSpec member) {
        if (member.isEnsemble()) {
            return "is itself an ensemble";
        }
        if (!ModelSpec.INFECTION.equals(member.task())) {
            return "is not an infection model (task \"" + member.task() + "\")";
        }
        if (member.testTimeFlips() != null) {
            return "sets testTimeFlips (set them on the ensemble)";
        }
        if (!member.architecture().equals(ensemble.architecture()) || member.width() != ensemble.width()
                || member.inputSize() != ensemble.inputSize()) {
            return "has another architecture, width or input size";
        }
        if (!Arrays.equals(member.mean(), ensemble.mean()) || !Arrays.equals(member.std(), ensemble.std())
                || !member.window().equals(ensemble.window())) {
            return "has another normalisation or window";
        }
        return null;
    }

    /** The folders of an ensemble's members, each checked to lie inside the ensemble's folder. */
    public static List<Path> members(Path dir, ModelSpec spec) {
        Path folder = dir.toAbsolutePath().normalize();
        List<Path> members = new ArrayList<>();
        for (String name : spec.members()) {
            Path member = folder.resolve(name).normalize();
            if (!member.startsWith(folder) || member.equals(folder) || members.contains(member)) {
                throw new CovsegException(dir.resolve(SPEC_FILE) + " names the member \"" + name + "\", which is not"
                        + " a subfolder of its own or is named twice; an ensemble holds its members");
            }
            members.add(member);
        }
        return members;
    }

    /**
     * Writes an ensemble of the infection models in {@code memberDirs} into the new folder {@code dir}: each member's
     * model.json and weights are copied into {@code member-1}, {@code member-2}, ..., then the ensemble's model.json
     * is written, all in one rename.
     */
    public static ModelSpec saveEnsemble(Path dir, String name, String version, List<Path> memberDirs,
            Map<String, Object> training, Map<String, Object> validation) {
        if (Files.exists(dir)) {
            throw new CovsegException(dir + " already exists; an ensemble is written into a new folder");
        }
        if (memberDirs.isEmpty()) {
            throw new CovsegException("an ensemble needs at least one member model");
        }
        List<ModelSpec> specs = memberDirs.stream().map(ModelDir::readSpec).toList();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < memberDirs.size(); i++) {
            names.add("member-" + (i + 1));
        }
        ModelSpec ensemble = ModelSpec.ensemble(name, version, specs.get(0), names,
                specs.stream().map(ModelSpec::weightsSha256).toList(), training, validation);
        for (int i = 0; i < memberDirs.size(); i++) {
            String differs = memberDifference(ensemble, specs.get(i));
            if (differs != null) {
                throw new CovsegException(memberDirs.get(i) + " cannot be a member of an ensemble: it " + differs
                        + (i > 0 && differs.startsWith("has") ? " than " + memberDirs.get(0) : ""));
            }
            weightsFile(memberDirs.get(i), specs.get(i));
        }
        return StagedFolder.write(dir, staging -> {
            try {
                for (int i = 0; i < memberDirs.size(); i++) {
                    Path member = Files.createDirectory(staging.resolve(names.get(i)));
                    Path from = memberDirs.get(i);
                    Files.copy(from.resolve(SPEC_FILE), member.resolve(SPEC_FILE));
                    Files.copy(from.resolve(specs.get(i).weights()), member.resolve(specs.get(i).weights()));
                }
                AtomicFiles.writeString(staging.resolve(SPEC_FILE), JSON.writeValueAsString(ensemble) + "\n");
                readSpec(staging);
                return ensemble;
            } catch (IOException e) {
                throw new CovsegException("cannot write the ensemble into " + dir + ": " + e.getMessage(), e);
            }
        });
    }

    /** Checks the architecture for the task and its width and input size, by building (not initialising) it. */
    private static void validateNetwork(ModelSpec spec) {
        if (spec.isSegmentation()) {
            spec.segmentationArchitecture().build(spec.width(), spec.inputSize());
            return;
        }
        String expected = spec.isMulticlass() ? ModelSpec.UNET : ModelSpec.DETECTOR;
        if (!expected.equals(spec.architecture())) {
            throw new IllegalArgumentException("unsupported architecture \"" + spec.architecture() + "\" for task \""
                    + spec.task() + "\" (expected " + expected + ")");
        }
        if (spec.isMulticlass()) {
            spec.unetConfig();
        } else {
            spec.networkSize();
        }
    }

    /**
     * Builds the infection network of {@code dir} on {@code manager} and loads its verified weights; a model of
     * another task (a COVID-19 detection model) is a user error, as it cannot segment.
     */
    public static Block loadNetwork(Path dir, ModelSpec spec, NDManager manager) {
        if (spec.isPretrained()) {
            throw new CovsegException(dir + " is a self-supervised pre-trained network without output layers, not a"
                    + " segmentation model; fine-tune it with covseg train --arch "
                    + spec.segmentationArchitecture().option() + " --init " + dir);
        }
        if (spec.isMulticlass()) {
            throw new CovsegException(dir + " is a multiclass model (ground-glass opacity and consolidation); a"
                    + " single-class infection model is needed here");
        }
        if (ModelSpec.DETECT.equals(spec.task())) {
            throw new CovsegException(dir + " is a COVID-19 detection model (task \"" + ModelSpec.DETECT
                    + "\"): it gives one probability per slice and cannot segment; give an infection segmentation"
                    + " model (task \"" + ModelSpec.INFECTION + "\")");
        }
        SegmentationArchitecture architecture = spec.segmentationArchitecture();
        Block net = architecture.build(spec.width(), spec.inputSize());
        loadWeights(dir, spec, net, architecture.inputShape(1, spec.inputSize()), manager);
        return net;
    }

    /** Builds the detection network of {@code dir} on {@code manager} and loads its verified weights. */
    public static DetectionNet loadDetector(Path dir, ModelSpec spec, NDManager manager) {
        if (!ModelSpec.DETECT.equals(spec.task())) {
            throw new CovsegException(dir + " is an infection segmentation model (task \"" + spec.task()
                    + "\"), not a COVID-19 detection model (task \"" + ModelSpec.DETECT + "\")");
        }
        DetectionNet net = new DetectionNet(spec.networkSize());
        loadWeights(dir, spec, net, spec.networkSize().inputShape(1), manager);
        return net;
    }

    /** Builds the multiclass network of {@code dir} on {@code manager} and loads its verified weights. */
    public static UNet loadMulticlassNetwork(Path dir, ModelSpec spec, NDManager manager) {
        if (!spec.isMulticlass()) {
            throw new CovsegException(dir + " is a single-class infection model; a multiclass model is needed here");
        }
        UNet net = new UNet(spec.unetConfig());
        loadWeights(dir, spec, net, spec.unetConfig().inputShape(1), manager);
        return net;
    }

    /**
     * The folder of the infection model a multiclass model takes its prior from: the recorded relative path, else
     * the default infection model; either only if its weights hash is the recorded one.
     */
    public static Path priorOf(Path dir, ModelSpec spec) {
        ModelSpec.PriorSpec prior = spec.prior();
        List<Path> candidates = new ArrayList<>();
        candidates.add(dir.resolve(prior.path()).normalize());
        DefaultModels.installedInfection().map(Path::normalize).filter(p -> !candidates.contains(p))
                .ifPresent(candidates::add);
        List<String> looked = new ArrayList<>();
        for (Path candidate : candidates) {
            if (!Files.isRegularFile(candidate.resolve(SPEC_FILE))) {
                looked.add(candidate + " (no model there)");
                continue;
            }
            String hash = readSpec(candidate).weightsSha256();
            if (prior.weightsSha256().equals(hash)) {
                return candidate;
            }
            looked.add(candidate + " (another model, weights " + shortHash(hash) + ")");
        }
        throw new CovsegException("multiclass model " + dir + " needs its prior, the infection model "
                + prior.name() + " version " + prior.version() + " with weights " + shortHash(prior.weightsSha256())
                + "; looked in " + String.join(" and ", looked) + "; put that model at " + candidates.get(0));
    }

    /** The path to record for a prior model, relative to the multiclass model's folder. */
    public static String relativePrior(Path dir, Path priorDir) {
        Path relative = dir.toAbsolutePath().normalize().relativize(priorDir.toAbsolutePath().normalize());
        return relative.toString().replace(File.separatorChar, '/');
    }

    private static String shortHash(String sha256) {
        return sha256 == null ? "of unknown hash" : sha256.substring(0, Math.min(12, sha256.length())) + "…";
    }

    /**
     * The model's weights file, checked: inside the model folder (a {@value #SPEC_FILE} cannot point elsewhere),
     * present, and with the SHA-256 the spec records (a spec without one is refused). Every load of a model folder's weights
     * (inference, {@code --init}, a semi-supervised start) goes through here.
     */
    public static Path weightsFile(Path dir, ModelSpec spec) {
        if (spec.isEnsemble()) {
            throw new CovsegException(dir + " is an ensemble of " + spec.members().size() + " models and has no"
                    + " weights of its own; give one of its members here, e.g. " + members(dir, spec).get(0));
        }
        Path folder = dir.toAbsolutePath().normalize();
        Path weights = folder.resolve(spec.weights()).normalize();
        if (!weights.startsWith(folder) || weights.equals(folder)) {
            throw new CovsegException(dir.resolve(SPEC_FILE) + " names weights outside its folder ("
                    + spec.weights() + "); a model folder holds its own weights");
        }
        if (!Files.isRegularFile(weights)) {
            throw new CovsegException("model " + dir + " lacks its weights file " + spec.weights());
        }
        if (spec.weightsSha256() == null) {
            throw new CovsegException(dir.resolve(SPEC_FILE) + " records no weightsSha256, so its weights cannot be"
                    + " checked; covseg records it for every model it writes (for a model put together by hand, add"
                    + " \"weightsSha256\": the output of sha256sum " + spec.weights() + ")");
        }
        if (!spec.weightsSha256().equals(sha256(weights))) {
            throw new CovsegException(weights + " is corrupt or was replaced: its SHA-256 differs from the one in "
                    + SPEC_FILE);
        }
        return weights;
    }

    private static void loadWeights(Path dir, ModelSpec spec, Block net, Shape inputShape, NDManager manager) {
        Path weights = weightsFile(dir, spec);
        net.initialize(manager, DataType.FLOAT32, inputShape);
        try {
            StateDict.of(net).load(weights);
        } catch (IOException e) {
            throw new CovsegException("cannot read " + weights + ": " + e.getMessage(), e);
        }
    }

    /** A model's network loaded on a manager of its own, which {@link #close} frees. */
    public record Loaded<B extends Block>(NDManager manager, B net, ModelSpec spec) implements AutoCloseable {
        @Override
        public void close() {
            manager.close();
        }
    }

    /** Builds a network of a task's kind. */
    @FunctionalInterface
    public interface Loader<B extends Block> {
        B load(Path dir, ModelSpec spec, NDManager manager);
    }

    /** Reads {@code dir}'s spec and loads its network with {@code loader} on a new manager. */
    public static <B extends Block> Loaded<B> open(Path dir, Loader<B> loader) {
        ModelSpec spec = readSpec(dir);
        NDManager manager = Numerics.newManager();
        try {
            return new Loaded<>(manager, loader.load(dir, spec, manager), spec);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** Writes the weights and then {@code model.json} (with the weights' hash) into {@code dir}. */
    public static ModelSpec save(Path dir, ModelSpec spec, Block net) throws IOException {
        return save(dir, spec, StateDict.of(net));
    }

    /** Writes {@code weights} and then {@code model.json} (with the weights' hash) into {@code dir}. */
    public static ModelSpec save(Path dir, ModelSpec spec, StateDict weights) throws IOException {
        Path file = dir.resolve(spec.weights());
        Files.createDirectories(dir);
        weights.save(file, Map.of("format", "pt", "covseg.model", spec.name()));
        ModelSpec hashed = spec.withHash(sha256(file));
        AtomicFiles.writeString(dir.resolve(SPEC_FILE), JSON.writeValueAsString(hashed) + "\n");
        return hashed;
    }

    /** Hex SHA-256 of a file. */
    public static String sha256(Path file) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException e) {
            throw new CovsegException("cannot read " + file + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
