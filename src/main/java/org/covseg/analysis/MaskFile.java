package org.covseg.analysis;

import java.nio.file.Path;
import java.util.Locale;
import org.covseg.CovsegException;
import org.covseg.data.ImageFolder;
import org.covseg.data.Scan;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.io.FileNames;
import org.covseg.io.NiftiReader;
import org.covseg.io.SliceImageReader;

/**
 * A mask file a user gave for a scan, read (never written) onto the scan's grid: a NIfTI file for a volume, an
 * image (PNG) for a 2-D image, stored in the same pixel order as the image. A mask must have the scan's dimensions
 * and, for a volume, its geometry: after both are brought to the canonical orientation, the world positions of
 * the grid's corners may differ by at most {@value #TOLERANCE_VOXELS} of the smallest voxel spacing (float32
 * rounding of the header's affine, not a shift); anything else is refused in one line naming both files.
 */
final class MaskFile {

    static final double TOLERANCE_VOXELS = 0.01;

    private MaskFile() {
    }

    /**
     * The raw values of {@code mask} on the grid of {@code ct} (the scan's volume or image as analysed),
     * checked against {@code asRead} (the same as read from the scan's file); an image mask is read in the pixel
     * order the scan's images were read in.
     *
     * @param option the command-line option that named the mask, for messages
     */
    static Volume read(Path mask, String option, Volume asRead, Volume ct, Scan scan) {
        Path scanFile = scan.source();
        boolean volume = scan.isVolume();
        if (!java.nio.file.Files.isRegularFile(mask)) {
            throw new CovsegException(option + " " + mask + ": no such file");
        }
        boolean nifti = FileNames.isNifti(mask.getFileName().toString());
        Volume read;
        if (volume && nifti) {
            read = NiftiReader.read(mask, IntensityUnit.LABEL);
        } else if (!volume && ImageFolder.isImageFile(mask)) {
            read = SliceImageReader.readLabels(mask, scan.orientation());
        } else {
            throw new CovsegException(option + " " + mask + ": expected " + (volume
                    ? "a NIfTI file (.nii, .nii.gz) on the grid of the volume " : "an image (PNG) of the size of ")
                    + scanFile);
        }
        requireSameGrid(read, mask, option, asRead, scanFile, volume);
        return ct.withVoxels(read.toArray(), IntensityUnit.LABEL);
    }

    /** 1 where {@code raw} is non-zero, else 0. */
    static Volume binary(Volume raw) {
        float[] v = raw.toArray();
        for (int p = 0; p < v.length; p++) {
            v[p] = v[p] != 0 ? 1 : 0;
        }
        return raw.withVoxels(v, IntensityUnit.LABEL);
    }

    /** {@code raw} itself, after checking every value is a label 0..max; {@code allowed} says what they mean. */
    static Volume labels(Volume raw, int max, Path mask, String option, String allowed) {
        for (int k = 0; k < raw.depth(); k++) {
            for (int j = 0; j < raw.height(); j++) {
                for (int i = 0; i < raw.width(); i++) {
                    float value = raw.get(i, j, k);
                    if (value != (int) value || value < 0 || value > max) {
                        throw new CovsegException(option + " " + mask + " holds the value " + value + " at voxel ("
                                + i + ", " + j + ", " + k + "); with these labels it may only hold " + allowed);
                    }
                }
            }
        }
        return raw;
    }

    private static void requireSameGrid(Volume mask, Path maskFile, String option, Volume scan, Path scanFile,
            boolean volume) {
        String refused = option + " " + maskFile + " does not lie on the grid of the scan " + scanFile + ": ";
        if (mask.width() != scan.width() || mask.height() != scan.height() || mask.depth() != scan.depth()) {
            throw new CovsegException(refused + "it is " + dims(mask) + " but the scan is " + dims(scan)
                    + "; give a mask with the scan's dimensions and geometry");
        }
        if (!volume) {
            return;
        }
        double apart = 0;
        for (int corner = 0; corner < 8; corner++) {
            double i = (corner & 1) == 0 ? 0 : scan.width() - 1;
            double j = (corner & 2) == 0 ? 0 : scan.height() - 1;
            double k = (corner & 4) == 0 ? 0 : scan.depth() - 1;
            double[] a = mask.affine().apply(i, j, k);
            double[] b = scan.affine().apply(i, j, k);
            apart = Math.max(apart, Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1])
                    + (a[2] - b[2]) * (a[2] - b[2])));
        }
        double[] s = scan.spacing();
        double tolerance = TOLERANCE_VOXELS * Math.min(s[0], Math.min(s[1], s[2]));
        if (apart > tolerance) {
            throw new CovsegException(refused + String.format(Locale.ROOT, "its voxels lie up to %.3g mm from the"
                    + " scan's (tolerance %.2g mm); give a mask with the scan's dimensions and geometry", apart,
                    tolerance));
        }
    }

    private static String dims(Volume v) {
        return v.depth() == 1 && v.width() > 1 ? v.width() + "x" + v.height() + " pixels"
                : v.width() + "x" + v.height() + "x" + v.depth() + " voxels";
    }
}
