package org.covseg.infer;


import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;
import java.util.Map;
import org.covseg.CovsegException;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.model.ModelSpec;
import org.covseg.nn.InfNet;
import org.covseg.nn.NetworkSize;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NonFiniteOutputTest {

    @Test
    void aModelThatReturnsNaNIsOneClearErrorNamingItAndTheSelfCheck() {
        NetworkSize config = new NetworkSize(0.1, 64);
        try (NDManager manager = NDManager.newBaseManager()) {
            InfNet net = new InfNet(config);
            net.initialize(manager, DataType.FLOAT32, config.inputShape(1));
            net.getParameters().values().forEach(p -> p.getArray().muli(Float.NaN));
            ModelSpec spec = ModelSpec.infection("broken", config, Map.of(), Map.of());
            Volume slice = Volume.builder(64, 64, 1).voxels(new float[64 * 64]).unit(IntensityUnit.WINDOWED_8BIT)
                    .build();
            try (InfectionSegmenter segmenter = InfectionSegmenter.of(net, spec, 1)) {
                assertThatThrownBy(() -> segmenter.predict(List.of(slice), n -> { }))
                        .isInstanceOf(CovsegException.class)
                        .hasMessageStartingWith("model \"broken\" version " + spec.version() + " gave 4096 NaN")
                        .hasMessageContaining("engine self-check passed in mode");
            }
        }
    }
}
