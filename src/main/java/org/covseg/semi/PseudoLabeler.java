package org.covseg.semi;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.covseg.data.SliceDataset;
import org.covseg.image.Volume;
import org.covseg.infer.InfectionSegmenter;
import org.covseg.model.ModelSpec;
import org.covseg.nn.InfNet;

/** Pseudo-labels groups of unlabeled slices with the network being trained, and reads saved groups back. */
final class PseudoLabeler {

    private final SliceDataset<Volume> unlabeled;
    private final ModelSpec spec;
    private final int batchSize;

    PseudoLabeler(SliceDataset<Volume> unlabeled, ModelSpec spec, int batchSize) {
        this.unlabeled = unlabeled;
        this.spec = spec;
        this.batchSize = batchSize;
    }

    /**
     * The group's pseudo labels: read back if all of them are saved under {@code dir} (a resumed round), otherwise
     * predicted by {@code net} in its current state and saved there.
     */
    List<PseudoLabel> label(List<String> names, Path dir, InfNet net) {
        if (names.stream().allMatch(n -> PseudoLabel.isSaved(dir, n))) {
            return read(names, dir);
        }
        List<Volume> images = names.stream().map(unlabeled::load).toList();
        List<float[]> maps;
        try (InfectionSegmenter segmenter = InfectionSegmenter.of(net, spec, batchSize)) {
            maps = segmenter.predict(images, done -> { });
        }
        List<PseudoLabel> labels = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            PseudoLabel label = PseudoLabel.of(names.get(i), images.get(i), maps.get(i));
            label.write(dir);
            labels.add(label);
        }
        return labels;
    }

    /** The group's saved pseudo labels. */
    List<PseudoLabel> read(List<String> names, Path dir) {
        return names.stream().map(n -> PseudoLabel.read(dir, n, unlabeled.load(n))).toList();
    }
}
