package org.covseg.serve;

import java.util.Locale;
import java.util.function.Function;
import org.covseg.analysis.AnalysisOptions;
import org.covseg.analysis.LungLabels;
import org.covseg.io.SliceOrientation;
import org.covseg.severity.InfectionLabels;

/** The analysis options of an upload form (field names in snake_case, as openapi.yaml gives them). */
final class UploadForm {

    private static final AnalysisOptions DEFAULTS = AnalysisOptions.DEFAULTS;

    private UploadForm() {
    }

    /** The options of an upload form; {@code field} gives a field's value or null. Refuses bad values in one line. */
    static AnalysisOptions read(Function<String, String> field) {
        String series = blankToNull(field.apply("series"));
        if (series != null && !series.matches("[0-9.]{1,64}")) {
            throw new ApiException(400, "series must be a DICOM UID (digits and dots), got '" + shorten(series) + "'");
        }
        double threshold = number(field, "threshold", DEFAULTS.threshold());
        if (!(threshold > 0 && threshold < 1)) {
            throw new ApiException(400, "threshold must lie in (0, 1), got " + threshold);
        }
        String pixel = blankToNull(field.apply("pixel_mm"));
        Double pixelMm = pixel == null ? null : number(field, "pixel_mm", 0);
        if (pixelMm != null && !(pixelMm > 0 && Double.isFinite(pixelMm))) {
            throw new ApiException(400, "pixel_mm must be a positive size in mm, got " + pixelMm);
        }
        String orientation = blankToNull(field.apply("orientation"));
        SliceOrientation order = DEFAULTS.orientation();
        if (orientation != null) {
            try {
                order = SliceOrientation.valueOf(orientation.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, "orientation must be DISPLAY or TRANSPOSED, got '" + shorten(orientation)
                        + "'");
            }
        }
        return new AnalysisOptions(series, threshold, pixelMm, flag(field, "classes", DEFAULTS.classes()),
                flag(field, "detection", DEFAULTS.detection()), flag(field, "pdf", DEFAULTS.pdf()),
                flag(field, "cropped_to_lungs", DEFAULTS.croppedToLungs()),
                flag(field, "rewindow", DEFAULTS.rewindow()),
                order);
    }

    /** What the values of the masks an upload may bring mean (their files come as the form's mask parts). */
    static JobMasks maskLabels(Function<String, String> field) {
        return new JobMasks(null, infectionLabels(field, "infection_labels"), null,
                choice(field, "lung_labels", LungLabels.SIDES, "sides", LungLabels.SIDES, "binary", LungLabels.BINARY),
                null, infectionLabels(field, "reference_labels"));
    }

    private static InfectionLabels infectionLabels(Function<String, String> field, String name) {
        return choice(field, name, InfectionLabels.BINARY, "binary", InfectionLabels.BINARY, "classes",
                InfectionLabels.GROUND_GLASS_AND_CONSOLIDATION);
    }

    private static <T> T choice(Function<String, String> field, String name, T fallback, String a, T aValue,
            String b, T bValue) {
        String v = blankToNull(field.apply(name));
        if (v == null) {
            return fallback;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.equals(a) || lower.equals(b)) {
            return lower.equals(a) ? aValue : bValue;
        }
        throw new ApiException(400, name + " must be " + a + " or " + b + ", got '" + shorten(v) + "'");
    }

    private static double number(Function<String, String> field, String name, double fallback) {
        String v = blankToNull(field.apply(name));
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new ApiException(400, name + " must be a number, got '" + shorten(v) + "'");
        }
    }

    private static boolean flag(Function<String, String> field, String name, boolean fallback) {
        String v = blankToNull(field.apply(name));
        if (v == null) {
            return fallback;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "on", "1", "yes" -> true;
            case "false", "off", "0", "no" -> false;
            default -> throw new ApiException(400, name + " must be true or false, got '" + shorten(v) + "'");
        };
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
