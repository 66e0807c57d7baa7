package org.covseg.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.covseg.CovsegException;
import org.covseg.SharedData;
import org.covseg.io.SafetensorsContent;
import org.covseg.io.SafetensorsDtype;
import org.covseg.io.SafetensorsReader;
import org.covseg.io.SafetensorsTensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(NDManagerExtension.class)
class InfNetTest {

    private static final NetworkSize SMALL = new NetworkSize(0.25, 64);

    @TempDir
    Path dir;

    private NDManager manager;

    @BeforeEach
    void open(NDManager testManager) {
        manager = testManager;
    }

    private InfNet initialized(NetworkSize config) {
        InfNet net = new InfNet(config);
        net.initialize(manager, DataType.FLOAT32, config.inputShape(1));
        return net;
    }

    private NDList evaluate(InfNet net, NDArray x) {
        return net.forward(new ParameterStore(manager, false), new NDList(x), false);
    }

    @Test
    void officialConfigurationHasThePublishedParameterCount() {
        InfNet net = initialized(NetworkSize.OFFICIAL);
        assertThat(StateDict.of(net).parameterCount()).isEqualTo(33_121_721L);
        assertThat(StateDict.of(net).keys()).hasSize(946);
    }

    @Test
    void exportedNamesAndShapesAreTheOfficialStateDict() throws IOException {
        Path keysFile = SharedData.require("fixtures/infnet-parity/keys.txt");
        Map<String, String> official = new LinkedHashMap<>();
        for (String line : Files.readAllLines(keysFile)) {
            String[] cols = line.split("\t");
            official.put(cols[0], cols[1]);
        }
        Map<String, String> ours = new LinkedHashMap<>();
        for (SafetensorsTensor t : StateDict.of(initialized(NetworkSize.OFFICIAL)).export()) {
            ours.put(t.name(), pythonShape(t.shape()));
        }
        assertThat(ours).containsExactlyEntriesOf(official);
    }

    /** A shape as Python prints a tuple: (), (32,), (32, 3, 3, 3). */
    private static String pythonShape(long[] shape) {
        List<String> dims = new ArrayList<>();
        for (long d : shape) {
            dims.add(Long.toString(d));
        }
        return "(" + String.join(", ", dims) + (shape.length == 1 ? ",)" : ")");
    }

    @Test
    void forwardReturnsFiveLogitsMapsAtTheInputSize() {
        InfNet net = initialized(SMALL);
        NDArray x = manager.randomUniform(0, 1, new Shape(2, 3, 64, 96));
        NDList maps = evaluate(net, x);
        assertThat(maps).hasSize(InfNetOutput.values().length);
        for (NDArray map : maps) {
            assertThat(map.getShape()).isEqualTo(new Shape(2, 1, 64, 96));
        }
        assertThat(net.getOutputShapes(new Shape[] {x.getShape()})).containsOnly(new Shape(2, 1, 64, 96));
        assertThat(InfNetOutput.MAP2.index()).isEqualTo(3);
        assertThat(InfNetOutput.EDGE.officialName()).isEqualTo("lateral_edge");
    }

    @Test
    void rejectsSizesThatAreNotMultiplesOf32() {
        InfNet net = initialized(SMALL);
        NDArray x = manager.zeros(new Shape(1, 3, 64, 80));
        assertThatThrownBy(() -> evaluate(net, x)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiples of 32");
        assertThatThrownBy(() -> new NetworkSize(1, 350)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NetworkSize(0, 352)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void trainingModeUsesBatchStatisticsAndUpdatesRunningStatisticsEvalModeDoesNot() {
        InfNet net = initialized(SMALL);
        NDArray x = manager.randomUniform(0, 1, new Shape(2, 3, 64, 64));
        NDArray runningMean = StateDict.of(net).parameters().get("resnet.bn1.running_mean").getArray();
        float[] before = runningMean.toFloatArray();

        float[] first = evaluate(net, x).get(InfNetOutput.MAP2.index()).toFloatArray();
        float[] second = evaluate(net, x).get(InfNetOutput.MAP2.index()).toFloatArray();
        assertThat(second).isEqualTo(first);
        assertThat(runningMean.toFloatArray()).isEqualTo(before);

        NDList trained = net.forward(new ParameterStore(manager, false), new NDList(x), true);
        assertThat(runningMean.toFloatArray()).isNotEqualTo(before);
        assertThat(trained.get(InfNetOutput.MAP2.index()).toFloatArray()).isNotEqualTo(first);
    }

    @Test
    void exportThenImportReproducesTheOutputsExactly() throws IOException {
        InfNet source = initialized(SMALL);
        randomizeRunningStatistics(source);
        Path file = dir.resolve("infnet.safetensors");
        StateDict.of(source).save(file, Map.of("architecture", "infnet"));

        SafetensorsContent saved = SafetensorsReader.read(file);
        assertThat(saved.metadata()).containsEntry("architecture", "infnet");
        SafetensorsTensor counter = saved.require("resnet.bn1.num_batches_tracked", "test");
        assertThat(counter.dtype()).isEqualTo(SafetensorsDtype.I64);
        assertThat(counter.shape()).isEmpty();
        assertThat(counter.toLongArray()).containsExactly(0L);

        InfNet target = initialized(SMALL);
        StateDict.of(target).load(file);
        NDArray x = manager.randomUniform(0, 1, new Shape(1, 3, 64, 64));
        NDList expected = evaluate(source, x);
        NDList actual = evaluate(target, x);
        for (InfNetOutput output : InfNetOutput.values()) {
            assertThat(actual.get(output.index()).toFloatArray()).as(output.name())
                    .isEqualTo(expected.get(output.index()).toFloatArray());
        }
    }

    private void randomizeRunningStatistics(InfNet net) {
        for (Parameter p : StateDict.of(net).parameters().values()) {
            if (p.getType() == Parameter.Type.RUNNING_MEAN || p.getType() == Parameter.Type.RUNNING_VAR) {
                p.getArray().set(manager.randomUniform(0.5f, 1.5f, p.getArray().getShape()).toFloatArray());
            }
        }
    }

    @Test
    void importOfAnotherWidthNamesTheMismatch() throws IOException {
        Path file = dir.resolve("quarter.safetensors");
        StateDict.of(initialized(SMALL)).save(file, Map.of());
        InfNet wider = initialized(new NetworkSize(0.5, 64));
        assertThatThrownBy(() -> StateDict.of(wider).load(file)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("quarter.safetensors").hasMessageContaining("resnet.conv1.0.weight")
                .hasMessageContaining("shape");
    }

    @Test
    void importRejectsMissingAndUnexpectedTensors() {
        InfNet net = initialized(SMALL);
        StateDict dict = StateDict.of(net);
        Map<String, SafetensorsTensor> tensors = exportedByName(dict);
        tensors.remove("ParDec.conv5.bias");
        tensors.put("extra.weight", SafetensorsTensor.ofFloats("extra.weight", new long[] {1}, new float[] {1}));
        assertThatThrownBy(() -> dict.load(new SafetensorsContent(tensors, Map.of()), "edited.safetensors"))
                .isInstanceOf(CovsegException.class).hasMessageContaining("edited.safetensors")
                .hasMessageContaining("ParDec.conv5.bias").hasMessageContaining("extra.weight");
    }

    @Test
    void importAcceptsHalfPrecisionAndIgnoresBatchCounters() {
        InfNet net = initialized(SMALL);
        StateDict dict = StateDict.of(net);
        Map<String, SafetensorsTensor> tensors = exportedByName(dict);
        byte[] halves = new byte[2 * 8 * 3 * 3 * 3];
        for (int i = 0; i < halves.length; i += 2) {
            halves[i + 1] = 0x3C; // 0x3C00 = 1.0
        }
        tensors.put("resnet.conv1.0.weight", new SafetensorsTensor("resnet.conv1.0.weight", SafetensorsDtype.F16,
                new long[] {8, 3, 3, 3}, halves));
        tensors.put("resnet.bn1.num_batches_tracked",
                SafetensorsTensor.ofLongs("resnet.bn1.num_batches_tracked", new long[0], new long[] {123}));
        dict.load(new SafetensorsContent(tensors, Map.of()), "half.safetensors");
        assertThat(dict.parameters().get("resnet.conv1.0.weight").getArray().toFloatArray()).containsOnly(1f);
    }

    private static Map<String, SafetensorsTensor> exportedByName(StateDict dict) {
        Map<String, SafetensorsTensor> tensors = new LinkedHashMap<>();
        for (SafetensorsTensor t : dict.export()) {
            tensors.put(t.name(), t);
        }
        return tensors;
    }

    @Test
    void weightsAreInitialisedAsTheOfficialCode() {
        Map<String, Parameter> byName = StateDict.of(initialized(NetworkSize.OFFICIAL)).parameters();
        // Kaiming normal, fan-out, in the backbone: layer3.0.conv1 is 512 -> 416, std sqrt(2 / 416)
        NDArray backbone = byName.get("resnet.layer3.0.conv1.weight").getArray();
        assertThat(backbone.getShape()).isEqualTo(new Shape(416, 512, 1, 1));
        double std = Math.sqrt(backbone.pow(2).mean().getFloat());
        assertThat(std).isCloseTo(Math.sqrt(2.0 / 416), within(0.01 * Math.sqrt(2.0 / 416) * 3));
        // PyTorch's default in the decoder: uniform within 1/sqrt(fan_in); ra4_conv2 has fan-in 320 * 25
        NDArray decoder = byName.get("ra4_conv2.conv.weight").getArray();
        float bound = (float) (1 / Math.sqrt(320 * 25));
        assertThat(decoder.abs().max().getFloat()).isLessThanOrEqualTo(bound).isGreaterThan(0.99f * bound);
    }

    @Test
    void configRoundTripsThroughJson() throws IOException {
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(new NetworkSize(0.5, 448));
        assertThat(text).isEqualTo("{\"width\":0.5,\"inputSize\":448}");
        assertThat(json.readValue(text, NetworkSize.class)).isEqualTo(new NetworkSize(0.5, 448));
        assertThat(NetworkSize.OFFICIAL.channels(256)).isEqualTo(256);
        assertThat(new NetworkSize(0.25, 352).channels(26)).isEqualTo(7);
    }
}
