package org.covseg.train;

import ai.djl.ndarray.NDArray;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A training loss as its named scalar terms (kept in the given order, for the metrics file) and their total. */
public record LossTerms(Map<String, NDArray> terms, NDArray total) {

    public LossTerms {
        terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
    }

    /** The terms and the total as plain numbers, the total under {@code "loss"}. */
    public Map<String, Double> values() {
        Map<String, Double> out = new LinkedHashMap<>();
        terms.forEach((name, value) -> out.put(name, (double) value.getFloat()));
        out.put("loss", (double) total.getFloat());
        return out;
    }
}
