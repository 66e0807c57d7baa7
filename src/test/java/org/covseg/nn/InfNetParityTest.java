package org.covseg.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.io.IOException;
import java.nio.file.Path;
import org.covseg.SharedData;
import org.covseg.io.SafetensorsContent;
import org.covseg.io.SafetensorsReader;
import org.covseg.io.SafetensorsTensor;
import org.junit.jupiter.api.Test;

/**
 * The official PyTorch Inf-Net's weights and outputs, reproduced by ours in eval mode. The fixture is sensitive to
 * float32 rounding (our own float32 and float64 forward passes differ by up to 1.8e-3 on map2), so errors of several
 * 1e-4 are rounding, not a semantic difference; a wrong layer gives errors of order 1.
 */
class InfNetParityTest {

    private static final String FIXTURE = "fixtures/infnet-parity/";

    @Test
    void reproducesTheOfficialOutputs() throws IOException {
        Path weights = SharedData.require(FIXTURE + "weights.safetensors.gz");
        SafetensorsContent io = SafetensorsReader.read(SharedData.require(FIXTURE + "io.safetensors"));
        try (NDManager manager = NDManager.newBaseManager()) {
            InfNet net = new InfNet(InfNetConfig.OFFICIAL);
            net.initialize(manager, DataType.FLOAT32, InfNetConfig.OFFICIAL.inputShape(1));
            StateDict.of(net).load(weights);

            SafetensorsTensor input = io.require("input", "io.safetensors");
            try (NDManager step = manager.newSubManager()) {
                NDArray x = step.create(input.toFloatArray(), new Shape(input.shape()));
                NDList maps = net.forward(new ParameterStore(step, false), new NDList(x), false);
                for (InfNetOutput output : InfNetOutput.values()) {
                    SafetensorsTensor expected = io.require(output.officialName(), "io.safetensors");
                    NDArray actual = maps.get(output.index());
                    assertThat(actual.getShape().getShape()).containsExactly(expected.shape());
                    NDArray difference = actual.sub(step.create(expected.toFloatArray(), new Shape(expected.shape())))
                            .abs();
                    float error = difference.max().getFloat();
                    System.out.printf("parity %-14s max abs error %.3g (mean %.3g)%n", output.officialName(), error,
                            difference.mean().getFloat());
                    assertThat(error).as(output.officialName()).isLessThan(1e-3f);
                }
            }
        }
    }
}
