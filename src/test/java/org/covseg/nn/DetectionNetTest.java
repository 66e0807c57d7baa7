package org.covseg.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.covseg.CovsegException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(NDManagerExtension.class)
class DetectionNetTest {

    private static final NetworkSize SMALL = new NetworkSize(0.1, 64);

    @TempDir
    Path dir;

    private static DetectionNet detector(NetworkSize config, NDManager manager) {
        DetectionNet net = new DetectionNet(config);
        net.initialize(manager, DataType.FLOAT32, config.inputShape(1));
        return net;
    }

    @Test
    void givesOneLogitPerImageAndNamesItsHeadClassifier(NDManager manager) {
        DetectionNet net = detector(SMALL, manager);
        NDArray x = manager.randomNormal(new Shape(2, 3, 64, 64));
        NDArray logits = net.forward(new ParameterStore(manager, false), new NDList(x), false).singletonOrThrow();
        assertThat(logits.getShape()).isEqualTo(new Shape(2, 1));
        assertThat(StateDict.of(net).keys()).contains("resnet.conv1.0.weight", "resnet.layer4.2.bn3.running_var",
                "classifier.weight", "classifier.bias");
    }

    @Test
    void loadsTheBackboneOfAnInfNetStateDictAndKeepsItsHead(NDManager manager) throws IOException {
        InfNet infNet = new InfNet(SMALL);
        infNet.initialize(manager, DataType.FLOAT32, SMALL.inputShape(1));
        Path file = dir.resolve("infnet.safetensors");
        StateDict.of(infNet).save(file, Map.of());

        DetectionNet net = detector(SMALL, manager);
        float[] head = StateDict.of(net).parameters().get("classifier.weight").getArray().toFloatArray();
        net.loadBackbone(file);

        Map<String, Parameter> source = StateDict.of(infNet).parameters();
        Map<String, Parameter> loaded = StateDict.of(net).parameters();
        for (String name : new String[] {"resnet.conv1.0.weight", "resnet.layer3.1.convs.0.weight",
                "resnet.layer4.2.bn3.running_mean"}) {
            assertThat(loaded.get(name).getArray().toFloatArray()).as(name)
                    .containsExactly(source.get(name).getArray().toFloatArray());
        }
        assertThat(loaded.get("classifier.weight").getArray().toFloatArray()).containsExactly(head);
    }

    @Test
    void refusesStateDictsWithoutABackboneOrOfAnotherWidth(NDManager manager) throws IOException {
        DetectionNet net = detector(SMALL, manager);
        Path headOnly = dir.resolve("head.safetensors");
        StateDict.of(net.backbone()).save(headOnly, Map.of());
        assertThatThrownBy(() -> net.loadBackbone(headOnly)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("no tensor named resnet.*");

        NetworkSize wider = new NetworkSize(0.2, 64);
        Path other = dir.resolve("wider.safetensors");
        StateDict.of(detector(wider, manager)).save(other, Map.of());
        assertThatThrownBy(() -> net.loadBackbone(other)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("same width");
    }
}
