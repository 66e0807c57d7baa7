package org.covseg.infer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.covseg.data.Scan;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.io.NiftiDatatype;
import org.covseg.io.NiftiWriter;
import org.covseg.io.SliceImageWriter;
import org.covseg.io.SliceOrientation;

/**
 * Writes a model's maps into the output folder (never next to the input), for 2-D slices in the slice file's own
 * pixel order and for volumes in the input's voxel order and geometry.
 * <ul>
 *   <li>Infection ({@link #write}): slices {@code <name>.png} (probability ×255, 8-bit) and {@code <name>_mask.png}
 *   (0/255 at the threshold); volumes {@code <name>_infection.nii.gz} (float32 probability) and
 *   {@code <name>_infection_mask.nii.gz} (uint8 0/1).</li>
 *   <li>Multi-class ({@link #writeClasses}): slices {@code <name>_ggo.png} and {@code <name>_consolidation.png}
 *   (probability ×255, 8-bit) and {@code <name>_labels.png} (palette PNG, 0 background, 1 ground-glass opacity,
 *   2 consolidation); volumes {@code <name>_labels.nii.gz} (uint8 0/1/2).</li>
 * </ul>
 */
public final class SegmentationWriter {

    private SegmentationWriter() {
    }

    /**
     * Writes the infection probability of one scan (one volume per grid, see {@link ProbabilityMaps#onGrids}) and
     * its mask at {@code threshold}; returns the files written.
     */
    public static List<Path> write(Scan scan, List<Volume> probabilities, double threshold,
            SliceOrientation orientation, Path outDir) {
        List<Path> written = new ArrayList<>();
        if (scan.isVolume()) {
            Volume probability = probabilities.get(0);
            Path probFile = outDir.resolve(scan.name() + "_infection.nii.gz");
            Path maskFile = outDir.resolve(scan.name() + "_infection_mask.nii.gz");
            NiftiWriter.write(probability, probFile, NiftiDatatype.FLOAT32);
            NiftiWriter.write(ProbabilityMaps.atThreshold(probability, threshold, 1), maskFile, NiftiDatatype.UINT8);
            written.add(probFile);
            written.add(maskFile);
            return written;
        }
        for (int s = 0; s < probabilities.size(); s++) {
            Volume probability = probabilities.get(s);
            String name = scan.imageName(s);
            Path probFile = outDir.resolve(name + ".png");
            Path maskFile = outDir.resolve(name + "_mask.png");
            SliceImageWriter.writeGrey8(probFile, probability.withVoxels(grey8(probability.voxelsToRead()),
                    IntensityUnit.PROBABILITY), orientation);
            SliceImageWriter.writeGrey8(maskFile, ProbabilityMaps.atThreshold(probability, threshold, 255),
                    orientation);
            written.add(probFile);
            written.add(maskFile);
        }
        return written;
    }

    /** Writes a multiclass model's maps of one scan (one per volume slice or 2-D slice); returns the files. */
    public static List<Path> writeClasses(Scan scan, List<MulticlassMaps> maps, SliceOrientation orientation,
            Path outDir) {
        if (scan.isVolume()) {
            Volume ct = scan.volume();
            float[] labels = stack(maps.stream().map(MulticlassMaps::labels).toList());
            Path labelFile = outDir.resolve(scan.name() + "_labels.nii.gz");
            NiftiWriter.write(ct.withVoxels(labels, IntensityUnit.LABEL), labelFile, NiftiDatatype.UINT8);
            return List.of(labelFile);
        }
        List<Path> written = new ArrayList<>();
        for (int s = 0; s < scan.volumes().size(); s++) {
            Volume slice = scan.volumes().get(s);
            String name = scan.imageName(s);
            MulticlassMaps m = maps.get(s);
            Path ggo = outDir.resolve(name + "_ggo.png");
            Path consolidation = outDir.resolve(name + "_consolidation.png");
            Path labels = outDir.resolve(name + "_labels.png");
            SliceImageWriter.writeGrey8(ggo, slice.withVoxels(grey8(m.ggo()), IntensityUnit.PROBABILITY),
                    orientation);
            SliceImageWriter.writeGrey8(consolidation,
                    slice.withVoxels(grey8(m.consolidation()), IntensityUnit.PROBABILITY), orientation);
            SliceImageWriter.writeLabels(labels, slice.withVoxels(m.labels(), IntensityUnit.LABEL), orientation);
            written.addAll(List.of(ggo, consolidation, labels));
        }
        return written;
    }

    private static float[] grey8(float[] probability) {
        float[] grey = new float[probability.length];
        for (int p = 0; p < grey.length; p++) {
            grey[p] = probability[p] * 255f;
        }
        return grey;
    }

    /** Per-slice planes of equal size, one after the other (a volume's voxel array). */
    private static float[] stack(List<float[]> planes) {
        int plane = planes.get(0).length;
        float[] all = new float[plane * planes.size()];
        for (int k = 0; k < planes.size(); k++) {
            System.arraycopy(planes.get(k), 0, all, k * plane, plane);
        }
        return all;
    }
}
