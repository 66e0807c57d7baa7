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
 * Writes infection probability maps next to nothing the user gave: for 2-D slices {@code <name>.png} (probability
 * ×255, 8-bit) and {@code <name>_mask.png} (0/255 at the threshold), in the slice file's own pixel order; for volumes
 * {@code <name>_infection.nii.gz} (float32 probability) and {@code <name>_infection_mask.nii.gz} (uint8 0/1) in the
 * input's voxel order and geometry.
 */
public final class SegmentationWriter {

    private SegmentationWriter() {
    }

    /** Writes the maps of one scan (one map per volume slice or per 2-D slice) and returns the files written. */
    public static List<Path> write(Scan scan, List<float[]> maps, double threshold, SliceOrientation orientation,
            Path outDir) {
        List<Path> written = new ArrayList<>();
        if (scan.kind().isVolume()) {
            Volume ct = scan.volume();
            int plane = ct.width() * ct.height();
            float[] prob = new float[plane * ct.depth()];
            float[] mask = new float[prob.length];
            for (int k = 0; k < ct.depth(); k++) {
                System.arraycopy(maps.get(k), 0, prob, k * plane, plane);
            }
            for (int p = 0; p < prob.length; p++) {
                mask[p] = prob[p] >= threshold ? 1 : 0;
            }
            Path probFile = outDir.resolve(scan.name() + "_infection.nii.gz");
            Path maskFile = outDir.resolve(scan.name() + "_infection_mask.nii.gz");
            NiftiWriter.write(ct.withVoxels(prob, IntensityUnit.PROBABILITY), probFile, NiftiDatatype.FLOAT32);
            NiftiWriter.write(ct.withVoxels(mask, IntensityUnit.LABEL), maskFile, NiftiDatatype.UINT8);
            written.add(probFile);
            written.add(maskFile);
            return written;
        }
        for (int s = 0; s < scan.volumes().size(); s++) {
            Volume slice = scan.volumes().get(s);
            String name = sliceName(scan, s);
            float[] grey = new float[maps.get(s).length];
            float[] mask = new float[grey.length];
            for (int p = 0; p < grey.length; p++) {
                grey[p] = maps.get(s)[p] * 255f;
                mask[p] = maps.get(s)[p] >= threshold ? 255 : 0;
            }
            Path probFile = outDir.resolve(name + ".png");
            Path maskFile = outDir.resolve(name + "_mask.png");
            SliceImageWriter.writeGrey8(probFile, slice.withVoxels(grey, IntensityUnit.PROBABILITY), orientation);
            SliceImageWriter.writeGrey8(maskFile, slice.withVoxels(mask, IntensityUnit.LABEL), orientation);
            written.add(probFile);
            written.add(maskFile);
        }
        return written;
    }

    /** The output base name of slice s: the slice file's name for image inputs. */
    public static String sliceName(Scan scan, int s) {
        if (scan.kind() == Scan.Kind.SLICE) {
            return scan.name();
        }
        String source = scan.volumes().get(s).metadata().get(org.covseg.io.SliceImageReader.SOURCE);
        String file = Path.of(source).getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
