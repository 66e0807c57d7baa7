package org.covseg.infer;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import org.covseg.Progress;
import org.covseg.data.Scan;
import org.covseg.data.Scans;
import org.covseg.image.Volume;
import org.covseg.io.SliceOrientation;
import org.covseg.io.StagedFolder;
import org.covseg.model.ModelDir;
import org.covseg.model.ModelSpec;

/**
 * {@code covseg segment}: one input (slice, slice folder, NIfTI, DICOM series) through an infection or multiclass
 * model, on the boxes {@code analyze} runs it on ({@link NetworkBoxes}), to files ({@link SegmentationWriter}).
 */
public final class SegmentationJob {

    /** What to segment and how. */
    public record Request(Path model, Path input, Path output, double threshold, int batchSize,
                          SliceOrientation orientation, String seriesUid, boolean rewindow) {
    }

    private SegmentationJob() {
    }

    public static List<Path> run(Request r, PrintWriter log) {
        ModelSpec spec = ModelDir.readSpec(r.model());
        Scan scan = Scans.open(r.input(), r.seriesUid(), r.orientation(), r.rewindow());
        scan.notes().forEach(log::println);
        List<Volume> slices = scan.slices();
        try (ProgressBar bar = Progress.onStderr("segmenting").setInitialMax(slices.size())
                .setUnit(" slices", 1).build()) {
            log.printf("%s: %d slice(s) with model %s%n", scan.kind().description(), slices.size(), spec.name());
            if (!spec.isMulticlass()) {
                ProbabilityMaps.requireRoomFor(scan.volumes());
            }
            List<int[]> boxes = scan.isVolume() ? NetworkBoxes.ofVolumeSlices(slices)
                    : NetworkBoxes.ofImages(slices);
            if (spec.isMulticlass()) {
                try (MulticlassSegmenter segmenter = MulticlassSegmenter.open(r.model(), r.batchSize())) {
                    List<MulticlassMaps> maps = OnBoxes.classes(slices, boxes, null, segmenter::predict,
                            bar::stepBy);
                    return StagedFolder.writeFiles(r.output(),
                            staging -> SegmentationWriter.writeClasses(scan, maps, r.orientation(), staging));
                }
            }
            try (InfectionSegmenter segmenter = InfectionSegmenter.open(r.model(), r.batchSize())) {
                List<Volume> probabilities = ProbabilityMaps.onGrids(scan.volumes(),
                        OnBoxes.probabilities(slices, boxes, segmenter::predict, bar::stepBy));
                return StagedFolder.writeFiles(r.output(), staging -> SegmentationWriter.write(scan, probabilities,
                        r.threshold(), r.orientation(), staging));
            }
        }
    }
}
