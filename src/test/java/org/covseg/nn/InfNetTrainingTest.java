package org.covseg.nn;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One training step through every block type (stem, both bottleneck kinds, the avg-pool downsample, RFB, decoder,
 * reverse attention, edge branch): it must not crash the JVM (oneDNN's SIGFPE on some backward passes) and must give
 * every trainable parameter a non-zero gradient.
 */
class InfNetTrainingTest {

    @Test
    void oneStepReachesEveryParameter() {
        NetworkSize config = new NetworkSize(0.25, 64);
        try (NDManager manager = NDManager.newBaseManager()) {
            InfNet net = new InfNet(config);
            net.initialize(manager, DataType.FLOAT32, config.inputShape(2));
            Map<String, Parameter> parameters = StateDict.of(net).parameters();
            Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build();
            ParameterStore store = new ParameterStore(manager, false);
            try (NDManager step = manager.newSubManager()) {
                NDArray x = step.randomUniform(0, 1, config.inputShape(2));
                NDArray target = step.randomUniform(0, 1, new Shape(2, 1, 64, 64)).gt(0.5).toType(DataType.FLOAT32,
                        false);
                try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                    NDList maps = net.forward(store, new NDList(x), true);
                    NDArray loss = step.zeros(new Shape());
                    for (NDArray map : maps) {
                        loss = loss.add(Activation.sigmoid(map).sub(target).square().mean());
                    }
                    collector.backward(loss);
                }
                int trained = 0;
                for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
                    Parameter p = e.getValue();
                    if (!p.requiresGradient()) {
                        continue;
                    }
                    NDArray gradient = p.getArray().getGradient();
                    gradient.attach(step);
                    assertThat(gradient.abs().max().getFloat()).as(e.getKey()).isPositive();
                    float[] before = p.getArray().toFloatArray();
                    adam.update(p.getId(), p.getArray(), gradient);
                    assertThat(p.getArray().toFloatArray()).as(e.getKey()).isNotEqualTo(before);
                    trained++;
                }
                // every parameter except the running statistics and the frozen ImageNet classifier
                long buffers = parameters.values().stream().filter(p -> p.getType() == Parameter.Type.RUNNING_MEAN
                        || p.getType() == Parameter.Type.RUNNING_VAR).count();
                assertThat(trained).isEqualTo(parameters.size() - buffers - 2);
                assertThat(parameters.get("resnet.fc.weight").requiresGradient()).isFalse();
            }
        }
    }
}
