package org.covseg.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NDManagerExtension.class)
class UNetTest {

    @Test
    void givesThreeLogitMapsAtTheInputSizeEvenWhenTheDecoderMustPad(NDManager manager) {
        UNet net = new UNet(UNetConfig.multiclass(0.1, 64));
        net.initialize(manager, DataType.FLOAT32, new Shape(1, 6, 64, 64));
        ParameterStore store = new ParameterStore(manager, false);
        NDArray regular = net.forward(store, new NDList(manager.randomNormal(new Shape(2, 6, 64, 64))), false)
                .singletonOrThrow();
        assertThat(regular.getShape()).isEqualTo(new Shape(2, 3, 64, 64));
        // 40 → 20 → 10 → 5 → 2 (floor): the last up gives 4 rows against a 5-row skip and pads
        NDArray odd = net.forward(store, new NDList(manager.randomNormal(new Shape(1, 6, 40, 44))), false)
                .singletonOrThrow();
        assertThat(odd.getShape()).isEqualTo(new Shape(1, 3, 40, 44));
        assertThat(net.getOutputShapes(new Shape[] {new Shape(2, 6, 40, 44)})[0])
                .isEqualTo(new Shape(2, 3, 40, 44));
    }

    @Test
    void hasTheOfficialStateDictNamesAndParameterCount(NDManager manager) {
        UNetConfig config = UNetConfig.multiclass(1.0, 32);
        UNet net = new UNet(config);
        net.initialize(manager, DataType.FLOAT32, config.inputShape(1));
        StateDict dict = StateDict.of(net);
        assertThat(dict.keys()).contains("inc.double_conv.0.weight", "inc.double_conv.0.bias",
                "inc.double_conv.1.running_var", "inc.double_conv.4.num_batches_tracked",
                "down1.maxpool_conv.1.double_conv.0.weight", "down4.maxpool_conv.1.double_conv.3.bias",
                "up1.conv.double_conv.0.weight", "up4.conv.double_conv.4.weight", "outc.conv.weight",
                "outc.conv.bias");
        assertThat(dict.parameters().get("up1.conv.double_conv.0.weight").getArray().getShape())
                .isEqualTo(new Shape(512, 1024, 3, 3));
        assertThat(dict.parameters().get("up1.conv.double_conv.3.weight").getArray().getShape())
                .isEqualTo(new Shape(256, 512, 3, 3));
        assertThat(dict.parameters().get("inc.double_conv.0.weight").getArray().getShape())
                .isEqualTo(new Shape(64, 6, 3, 3));
        assertThat(dict.parameters().get("outc.conv.weight").getArray().getShape())
                .isEqualTo(new Shape(3, 64, 1, 1));
        // Σ over the DoubleConvs (9·in·mid + mid + 2·mid + 9·mid·out + out + 2·out) + 64·3 + 3, official widths
        assertThat(dict.parameterCount()).isEqualTo(17_269_251L);
    }

    @Test
    void anotherHeadReplacesOnlyTheLastLayer(NDManager manager) {
        UNetConfig config = UNetConfig.multiclass(0.1, 32);
        UNet net = new UNet(config, UNet.outConv(6));
        net.initialize(manager, DataType.FLOAT32, config.inputShape(1));
        NDArray out = net.forward(new ParameterStore(manager, false),
                new NDList(manager.randomNormal(config.inputShape(1))), false).singletonOrThrow();
        assertThat(out.getShape()).isEqualTo(new Shape(1, 6, 32, 32));
        assertThat(StateDict.of(net).keys()).contains("outc.conv.weight", "inc.double_conv.0.weight");
    }
}
