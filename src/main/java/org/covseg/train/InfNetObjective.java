package org.covseg.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Activation;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Inf-Net's training objective. The model returns five logit maps at input size, in the order
 * [map5, map4, map3, map2, edge]; the loss is {@code BCE(edge, edge gt) + Σ structure(map_i, gt)} over map2..map5
 * (see {@link StructureLoss}); inference uses σ(map2).
 */
public final class InfNetObjective implements Objective {

    private static final String[] MAP_NAMES = {"map5", "map4", "map3", "map2"};
    private static final int EDGE = 4;
    private static final int MAP2 = 3;

    private final StructureLoss structure;
    private final BceWeighting bceWeighting;

    public InfNetObjective(BceWeighting bceWeighting) {
        this.bceWeighting = bceWeighting;
        this.structure = new StructureLoss(bceWeighting);
    }

    @Override
    public String describe() {
        return "infnet(bce=" + bceWeighting.name().toLowerCase(Locale.ROOT) + ")";
    }

    @Override
    public LossTerms loss(NDList outputs, Batch batch) {
        requireFiveMaps(outputs);
        Map<String, NDArray> terms = new LinkedHashMap<>();
        NDArray total = BinaryCrossEntropy.mean(outputs.get(EDGE), batch.edges());
        terms.put("edge", total);
        NDArray weights = StructureLoss.boundaryWeights(batch.masks());
        for (int i = 0; i < MAP_NAMES.length; i++) {
            NDArray term = structure.compute(outputs.get(i), batch.masks(), weights).sum();
            terms.put(MAP_NAMES[i], term);
            total = total.add(term);
        }
        return new LossTerms(terms, total);
    }

    @Override
    public NDArray probability(NDList outputs) {
        requireFiveMaps(outputs);
        return Activation.sigmoid(outputs.get(MAP2));
    }

    private static void requireFiveMaps(NDList outputs) {
        if (outputs.size() != 5) {
            throw new IllegalArgumentException("Inf-Net returns 5 maps [map5, map4, map3, map2, edge], got "
                    + outputs.size());
        }
    }
}
