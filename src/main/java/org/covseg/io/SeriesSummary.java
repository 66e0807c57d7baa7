package org.covseg.io;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.covseg.image.Affine;

/**
 * What covseg knows of one series of a DICOM folder from its headers alone: enough to list it and to choose among
 * series ({@link SeriesChooser}). Text fields are empty when the files lack them; numbers are NaN when unknown.
 *
 * @param uid            Series Instance UID (0020,000E)
 * @param number         Series Number (0020,0011)
 * @param description    Series Description (0008,103E)
 * @param modality       Modality (0008,0060), e.g. "CT"
 * @param kernel         Convolution Kernel (0018,1210), e.g. "STANDARD", "B70f"
 * @param bodyPart       Body Part Examined (0018,0015)
 * @param orientation    the plane of the images that form (or would form) the series' volume; UNKNOWN when their
 *                       Image Orientation (Patient) is missing or the images lie in several planes
 * @param localizer      true when the series holds localizer (scout) images only
 * @param sliceCount     number of images that form the series' volume (those left out not counted)
 * @param sliceThickness Slice Thickness (0018,0050) in mm
 * @param sliceSpacing   distance between neighbouring slices in mm (NaN for a single slice)
 * @param zMin           lowest patient z (toward the head) of the volume's voxel centres, in mm
 * @param zMax           highest patient z, in mm
 * @param leftOut        one line per group of files left out of the volume, naming them and why
 * @param problem        why the series cannot be read as a volume (naming the files left out); empty when it can
 */
public record SeriesSummary(String uid, String number, String description, String modality, String kernel,
                            String bodyPart, SeriesOrientation orientation, boolean localizer, int sliceCount,
                            double sliceThickness, double sliceSpacing, double zMin, double zMax, List<String> leftOut,
                            String problem) {

    private static final String SERIES_NUMBER = "0020,0011";
    private static final String KERNEL = "0018,1210";
    private static final String BODY_PART = "0018,0015";
    /** A spacing up to 5% over the thickness is the same slices, reported as they are (rounding, overlap). */
    private static final double SPACING_LIKE_THICKNESS = 1.05;

    /** By Series Number (series without one last), then by UID. */
    static final Comparator<SeriesSummary> BY_NUMBER = Comparator.comparingDouble(SeriesSummary::numberOrLast)
            .thenComparing(SeriesSummary::uid);

    public SeriesSummary {
        leftOut = List.copyOf(leftOut);
    }

    static SeriesSummary of(String uid, SeriesImages images, SliceStack stack) {
        DicomSlice first = stack.slices().get(0);
        int slices = stack.slices().size();
        double[] z = zRange(stack.affine(), first.columns(), first.rows(), slices);
        DicomHeader h = images.stack().get(0);
        return new SeriesSummary(uid, text(h, SERIES_NUMBER), text(h, DicomFolder.SERIES_DESCRIPTION),
                text(h, DicomFolder.MODALITY), text(h, KERNEL), text(h, BODY_PART),
                SeriesOrientation.ofNormal(first.normal()), images.localizersOnly(), slices, first.sliceThickness(),
                slices == 1 ? Double.NaN : stack.spacing()[2], z[0], z[1], images.leftOutNotes(), "");
    }

    /** A series whose files do not form a volume, described from {@code any} of them. */
    static SeriesSummary unreadable(String uid, DicomHeader any, SeriesOrientation orientation, int images,
                                    String problem) {
        return new SeriesSummary(uid, text(any, SERIES_NUMBER), text(any, DicomFolder.SERIES_DESCRIPTION),
                text(any, DicomFolder.MODALITY), text(any, KERNEL), text(any, BODY_PART), orientation, false, images,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, List.of(), problem);
    }

    /** "series 601", or the UID when the files have no Series Number. */
    public String name() {
        return "series " + (number.isEmpty() ? uid : number);
    }

    public boolean readable() {
        return problem.isEmpty();
    }

    /** E.g. "1.25 mm", or "5 mm every 15 mm" when the slices lie farther apart than they are thick. */
    public String sliceGeometry() {
        if (Double.isNaN(sliceThickness)) {
            return Double.isNaN(sliceSpacing) ? "unknown" : "every " + mm(sliceSpacing) + " mm";
        }
        boolean gaps = sliceSpacing > SPACING_LIKE_THICKNESS * sliceThickness;
        return mm(sliceThickness) + " mm" + (gaps ? " every " + mm(sliceSpacing) + " mm" : "");
    }

    /** The volume's extent along the patient's z axis, in mm. */
    public double zExtent() {
        return zMax - zMin;
    }

    private static double numberOrLast(SeriesSummary s) {
        try {
            return Double.parseDouble(s.number());
        } catch (NumberFormatException e) {
            return Double.POSITIVE_INFINITY;
        }
    }

    /** Up to three decimals, without trailing zeros: "5", "1.25", "0.625". */
    private static String mm(double value) {
        return String.format(Locale.ROOT, "%.3f", value).replaceAll("\\.?0+$", "");
    }

    private static String text(DicomHeader h, String tag) {
        return h.text(tag).orElse("");
    }

    /** Lowest and highest z of the voxel centres at the corners of the file-order volume. */
    private static double[] zRange(Affine fileOrder, int columns, int rows, int slices) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int corner = 0; corner < 8; corner++) {
            double z = fileOrder.apply((corner & 1) * (columns - 1), (corner >> 1 & 1) * (rows - 1),
                    (corner >> 2 & 1) * (slices - 1))[2];
            lo = Math.min(lo, z);
            hi = Math.max(hi, z);
        }
        return new double[] {lo, hi};
    }
}
