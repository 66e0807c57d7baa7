package org.covseg.data;

import java.util.Objects;
import java.util.Optional;
import org.covseg.image.Volume;

/**
 * A training slice for segmentation, all volumes depth 1, same size, canonical orientation.
 *
 * @param name  the sample's name in its dataset (the file's base name)
 * @param image grey levels 0..255
 * @param mask  labels: 0/1 for infection masks, 0/1/2 (background, ground-glass, consolidation) for multi-class
 * @param edge  0/1 infection boundary map where the dataset has one (COVID-SemiSeg Edge/)
 */
public record LabeledSlice(String name, Volume image, Volume mask, Optional<Volume> edge) {

    public LabeledSlice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(mask, "mask");
        Objects.requireNonNull(edge, "edge");
    }
}
