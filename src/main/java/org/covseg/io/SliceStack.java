package org.covseg.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.covseg.CovsegException;
import org.covseg.image.Affine;

/**
 * The slices of one series ordered along the slice normal, with the voxel geometry of the volume they form in file
 * order: i along a row (columns), j along a column (rows), k from slice to slice along the normal
 * rowDirection × columnDirection. Checks that the slices really form such a volume.
 */
final class SliceStack {

    /** Largest allowed difference between a slice gap and the median gap, as a fraction of the median. */
    static final double GAP_TOLERANCE = 0.10;
    private static final double DIRECTION_TOLERANCE = 1e-4;
    private static final double SPACING_TOLERANCE = 1e-3;
    private static final double SAME_POSITION_MM = 1e-3;

    private final List<DicomSlice> slices;
    private final double[] spacing;
    private final Affine affine;

    private SliceStack(List<DicomSlice> slices, double[] spacing, Affine affine) {
        this.slices = slices;
        this.spacing = spacing;
        this.affine = affine;
    }

    /** Orders and checks the slices of one series (in any order). */
    static SliceStack of(List<DicomSlice> unordered) {
        DicomSlice first = unordered.get(0);
        for (DicomSlice s : unordered) {
            requireSameFrame(first, s);
        }
        double[] normal = first.normal();
        List<DicomSlice> slices = new ArrayList<>(unordered);
        slices.sort(Comparator.comparingDouble(s -> Vectors.dot(normal, s.position())));
        double sliceSpacing = slices.size() == 1 ? singleSliceThickness(first) : sliceGap(slices, normal);
        requireStackedAlongNormal(slices, normal);

        double[] origin = slices.get(0).position();
        double[][] lpsColumns = {
            Vectors.scaled(first.rowDirection(), first.columnSpacing()),
            Vectors.scaled(first.columnDirection(), first.rowSpacing()),
            Vectors.scaled(normal, sliceSpacing)};
        double[] rows = new double[12];
        for (int axis = 0; axis < 3; axis++) {
            // DICOM's LPS world is RAS+ with x and y negated.
            double sign = axis < 2 ? -1 : 1;
            // "+ 0.0" turns the -0.0 of a negated zero into 0.0, so equal affines compare equal.
            for (int c = 0; c < 3; c++) {
                rows[axis * 4 + c] = sign * lpsColumns[c][axis] + 0.0;
            }
            rows[axis * 4 + 3] = sign * origin[axis] + 0.0;
        }
        double[] spacing = {first.columnSpacing(), first.rowSpacing(), sliceSpacing};
        return new SliceStack(List.copyOf(slices), spacing, Affine.ofRows(rows));
    }

    /** The slices from the first (lowest along the normal) to the last. */
    List<DicomSlice> slices() {
        return slices;
    }

    /** Voxel spacing in mm along i (between columns), j (between rows) and k (between slices). */
    double[] spacing() {
        return spacing.clone();
    }

    /** File-order voxel index (i column, j row, k slice) to RAS+ mm. */
    Affine affine() {
        return affine;
    }

    private static void requireSameFrame(DicomSlice a, DicomSlice b) {
        if (a.rows() != b.rows() || a.columns() != b.columns()) {
            throw inconsistent(b.file() + " has " + b.columns() + "x" + b.rows() + " pixels but " + a.file()
                    + " has " + a.columns() + "x" + a.rows());
        }
        if (!close(a.rowDirection(), b.rowDirection()) || !close(a.columnDirection(), b.columnDirection())) {
            throw inconsistent(b.file() + " and " + a.file() + " have different Image Orientation (Patient)");
        }
        if (Math.abs(a.rowSpacing() - b.rowSpacing()) > SPACING_TOLERANCE * a.rowSpacing()
                || Math.abs(a.columnSpacing() - b.columnSpacing()) > SPACING_TOLERANCE * a.columnSpacing()) {
            throw inconsistent(String.format(Locale.ROOT, "%s has Pixel Spacing %s\\%s mm but %s has %s\\%s mm",
                    b.file(), b.rowSpacing(), b.columnSpacing(), a.file(), a.rowSpacing(), a.columnSpacing()));
        }
    }

    private static boolean close(double[] u, double[] v) {
        for (int c = 0; c < 3; c++) {
            if (Math.abs(u[c] - v[c]) > DIRECTION_TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    private static double singleSliceThickness(DicomSlice only) {
        double thickness = only.sliceThickness();
        if (!(thickness > 0)) {
            throw new CovsegException(only.file() + ": a single-slice series needs a positive Slice Thickness"
                    + " (0018,0050) to know the voxel depth");
        }
        return thickness;
    }

    /** The median distance between neighbouring slices, after checking every gap is close to it. */
    private static double sliceGap(List<DicomSlice> sorted, double[] normal) {
        double[] gaps = new double[sorted.size() - 1];
        for (int k = 0; k < gaps.length; k++) {
            gaps[k] = Vectors.dot(normal, sorted.get(k + 1).position()) - Vectors.dot(normal, sorted.get(k).position());
            if (gaps[k] < SAME_POSITION_MM) {
                throw inconsistent(sorted.get(k).file() + " and " + sorted.get(k + 1).file() + " lie at the same"
                        + " position; the series may hold several acquisitions (choose one folder per acquisition)");
            }
        }
        double[] ordered = gaps.clone();
        Arrays.sort(ordered);
        int mid = ordered.length / 2;
        double median = ordered.length % 2 == 1 ? ordered[mid] : (ordered[mid - 1] + ordered[mid]) / 2;
        for (int k = 0; k < gaps.length; k++) {
            if (Math.abs(gaps[k] - median) > GAP_TOLERANCE * median) {
                throw inconsistent(String.format(Locale.ROOT, "the gap between %s and %s is %.3f mm but the median"
                                + " gap is %.3f mm (slices missing, or several acquisitions in one series?)",
                        sorted.get(k).file(), sorted.get(k + 1).file(), gaps[k], median));
            }
        }
        return median;
    }

    /** A gantry-tilted series shifts slices sideways; as a volume it would be sheared, so we refuse it. */
    private static void requireStackedAlongNormal(List<DicomSlice> sorted, double[] normal) {
        DicomSlice first = sorted.get(0);
        double tolerance = 0.5 * Math.min(first.rowSpacing(), first.columnSpacing());
        for (DicomSlice s : sorted) {
            double[] d = Vectors.minus(s.position(), first.position());
            double sideways = Vectors.norm(Vectors.minus(d, Vectors.scaled(normal, Vectors.dot(normal, d))));
            if (sideways > tolerance) {
                throw inconsistent(String.format(Locale.ROOT, "%s is shifted %.2f mm sideways from %s; the slices are"
                        + " not stacked along their normal (gantry tilt?), which covseg does not support",
                        s.file(), sideways, first.file()));
            }
        }
    }

    private static CovsegException inconsistent(String detail) {
        return new CovsegException("inconsistent slice geometry: " + detail);
    }
}
