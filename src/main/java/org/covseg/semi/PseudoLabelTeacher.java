package org.covseg.semi;

import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;
import org.covseg.data.SemiSegDataset;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.infer.InfectionSegmenter;
import org.covseg.infer.MulticlassMaps;
import org.covseg.infer.MulticlassSegmenter;
import org.covseg.infer.NetworkBoxes;
import org.covseg.infer.OnBoxes;
import org.covseg.io.SliceImageWriter;
import org.covseg.model.ModelSpec;

/**
 * A teacher model labelling unlabeled slices, run on each slice as {@code evaluate} runs it ({@link NetworkBoxes},
 * {@link OnBoxes}), and writing its labels in its task's COVID-SemiSeg layout: a multiclass teacher's most probable
 * class (0/1/2) as a GT palette PNG; an infection teacher's {@link PseudoLabel} (p > 0.5, 0/1) as a 0/255 GT PNG and,
 * when the labeled set has edge maps, its edge map as an Edge PNG (without them, training derives every slice's edges
 * alike). Files are stored in {@link SemiSegDataset#ORIENTATION}, as the labeled slices are.
 */
abstract sealed class PseudoLabelTeacher implements AutoCloseable {

    static PseudoLabelTeacher open(Path modelDir, ModelSpec spec, int batchSize, boolean edges) {
        return spec.isMulticlass() ? new Multiclass(MulticlassSegmenter.open(modelDir, batchSize))
                : new Infection(InfectionSegmenter.open(modelDir, batchSize), edges);
    }

    /** The number of labels, 0 (background) included. */
    abstract int labelCount();

    /** Each slice's label per pixel (row-major, the slice's own size). */
    abstract List<float[]> labels(List<Volume> slices, IntConsumer slicesDone);

    /** Writes the label files of slice {@code name} into the dataset folder {@code dir}. */
    abstract void write(Path dir, String name, Volume slice, float[] labels);

    @Override
    public abstract void close();

    private static final class Multiclass extends PseudoLabelTeacher {

        private final MulticlassSegmenter segmenter;

        Multiclass(MulticlassSegmenter segmenter) {
            this.segmenter = segmenter;
        }

        @Override
        int labelCount() {
            return 3;
        }

        @Override
        List<float[]> labels(List<Volume> slices, IntConsumer slicesDone) {
            return OnBoxes.classes(slices, NetworkBoxes.ofImages(slices), null, segmenter::predict, slicesDone)
                    .stream().map(MulticlassMaps::labels).toList();
        }

        @Override
        void write(Path dir, String name, Volume slice, float[] labels) {
            SliceImageWriter.writeLabels(dir.resolve(PseudoLabel.MASKS).resolve(name + ".png"),
                    slice.withVoxels(labels, IntensityUnit.LABEL), SemiSegDataset.ORIENTATION);
        }

        @Override
        public void close() {
            segmenter.close();
        }
    }

    private static final class Infection extends PseudoLabelTeacher {

        private final InfectionSegmenter segmenter;
        private final boolean edges;

        Infection(InfectionSegmenter segmenter, boolean edges) {
            this.segmenter = segmenter;
            this.edges = edges;
        }

        @Override
        int labelCount() {
            return 2;
        }

        @Override
        List<float[]> labels(List<Volume> slices, IntConsumer slicesDone) {
            return OnBoxes.probabilities(slices, NetworkBoxes.ofImages(slices), segmenter::predict, slicesDone)
                    .all().stream().map(PseudoLabel::maskOf).toList();
        }

        @Override
        void write(Path dir, String name, Volume slice, float[] labels) {
            PseudoLabel label = PseudoLabel.withMask(name, slice, labels);
            label.writeMask(dir, SemiSegDataset.ORIENTATION);
            if (edges) {
                label.writeEdge(dir, SemiSegDataset.ORIENTATION);
            }
        }

        @Override
        public void close() {
            segmenter.close();
        }
    }
}
