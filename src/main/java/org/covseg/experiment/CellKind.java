package org.covseg.experiment;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a cell's network starts from; it decides which of {@code init} and {@code pretrain} the cell needs. */
enum CellKind {
    /** From fresh weights, or from {@code init} if given. */
    SUPERVISED("supervised"),
    /** From self-supervised pre-training: a {@code pretrain} block of the config or a pre-trained {@code init}. */
    SELF_SUPERVISED("self-supervised"),
    /**
     * From a Semi-Inf-Net model per fold, made by pseudo-labelling unlabeled slices with a model trained on the
     * fold's training slices only: a {@code semi} block of the config (made by the experiment) or an {@code init};
     * the cell fine-tunes it on those slices.
     */
    SEMI("semi");

    private final String key;

    CellKind(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    static CellKind of(String key, ConfigNode where) {
        for (CellKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        throw where.error("kind must be one of " + Arrays.stream(values()).map(CellKind::key)
                .collect(Collectors.joining(", ")) + ", got \"" + key + "\"");
    }
}
