package org.covseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adam as {@code torch.optim.Adam} computes it (β1 0.9, β2 0.999, ε 1e-8, bias correction, no amsgrad), with optional
 * L2 weight decay added to the gradient (torch's {@code weight_decay}, not AdamW). Unlike DJL's Adam, the moment
 * estimates and the step count can be exported and restored, so a resumed run continues exactly where it stopped.
 */
public final class Adam implements AutoCloseable {

    public static final double BETA1 = 0.9;
    public static final double BETA2 = 0.999;
    public static final double EPSILON = 1e-8;

    private static final String FIRST = "m/";
    private static final String SECOND = "v/";

    private final Map<String, NDArray> weights;
    private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
    private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();
    private final NDManager manager;
    private final double weightDecay;
    private long steps;

    /** Optimises the given parameter arrays (by name); the moment estimates live in a sub-manager of {@code parent}. */
    public Adam(Map<String, NDArray> weights, NDManager parent, double weightDecay) {
        this.weights = new LinkedHashMap<>(weights);
        this.manager = parent.newSubManager();
        this.weightDecay = weightDecay;
        weights.forEach((name, w) -> {
            firstMoments.put(name, manager.zeros(w.getShape(), w.getDataType()));
            secondMoments.put(name, manager.zeros(w.getShape(), w.getDataType()));
        });
    }

    /** Updates every weight in place from its current gradient; temporaries are attached to {@code step}. */
    public void step(double learningRate, NDManager step) {
        steps++;
        double correction1 = 1 - Math.pow(BETA1, steps);
        double correction2Sqrt = Math.sqrt(1 - Math.pow(BETA2, steps));
        // The engine makes a tensor of every number an operation is given: made once here, not for every weight.
        NDArray beta1 = scalar(BETA1, step);
        NDArray oneMinusBeta1 = scalar(1 - BETA1, step);
        NDArray beta2 = scalar(BETA2, step);
        NDArray oneMinusBeta2 = scalar(1 - BETA2, step);
        NDArray correction2 = scalar(correction2Sqrt, step);
        NDArray epsilon = scalar(EPSILON, step);
        NDArray stepSize = scalar(learningRate / correction1, step);
        NDArray decay = scalar(weightDecay, step);
        for (Map.Entry<String, NDArray> e : weights.entrySet()) {
            NDArray weight = e.getValue();
            NDArray m = firstMoments.get(e.getKey());
            NDArray v = secondMoments.get(e.getKey());
            NDArray g = Gradients.of(weight, step);
            if (weightDecay != 0) {
                g = g.add(inStep(weight.mul(decay), step));
            }
            m.muli(beta1).addi(g.mul(oneMinusBeta1));
            v.muli(beta2).addi(g.mul(g).muli(oneMinusBeta2));
            NDArray denominator = inStep(v.sqrt(), step).divi(correction2).addi(epsilon);
            weight.subi(inStep(m.div(denominator), step).muli(stepSize));
        }
    }

    /** {@code value} as a float32 scalar (covseg trains in float32), as the engine converts it for every operation. */
    private static NDArray scalar(double value, NDManager step) {
        return step.create((float) value);
    }

    /** The number of updates made so far (the t of the bias correction). */
    public long steps() {
        return steps;
    }

    /** The moment estimates by name ({@code m/<weight>}, {@code v/<weight>}); live arrays, not copies. */
    public Map<String, NDArray> state() {
        Map<String, NDArray> state = new LinkedHashMap<>();
        firstMoments.forEach((name, m) -> state.put(FIRST + name, m));
        secondMoments.forEach((name, v) -> state.put(SECOND + name, v));
        return state;
    }

    /** Copies exported moment estimates back in and sets the step count; the names and shapes must match. */
    public void restore(Map<String, NDArray> state, long steps) {
        Map<String, NDArray> mine = state();
        if (!mine.keySet().equals(state.keySet())) {
            throw new IllegalArgumentException("the optimiser state does not belong to this model's parameters");
        }
        mine.forEach((name, target) -> ArrayCopy.into(state.get(name), target, name));
        this.steps = steps;
    }

    private static NDArray inStep(NDArray temporary, NDManager step) {
        temporary.attach(step);
        return temporary;
    }

    @Override
    public void close() {
        manager.close();
    }
}
