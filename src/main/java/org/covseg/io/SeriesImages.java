package org.covseg.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.covseg.CovsegException;

/**
 * The files of one series split into the stack covseg reads and those it leaves out, each with why: localizer
 * (scout) images, images whose orientation differs from the majority's (a stray coronal reference image in an axial
 * series, say) and files without Pixel Data. A series of localizers only is kept whole and marked as such.
 */
final class SeriesImages {

    private static final String IMAGE_TYPE = "0008,0008";
    private static final String ORIENTATION = "0020,0037";
    /** Direction cosines this close form one group; {@link SliceStack} checks the stack's own ones more finely. */
    private static final double SAME_ORIENTATION = 1e-2;

    private final List<DicomHeader> stack;
    private final SeriesOrientation orientation;
    private final Map<String, List<Path>> leftOut;
    private final boolean localizersOnly;

    private SeriesImages(List<DicomHeader> stack, SeriesOrientation orientation, Map<String, List<Path>> leftOut,
                         boolean localizersOnly) {
        this.stack = stack;
        this.orientation = orientation;
        this.leftOut = leftOut;
        this.localizersOnly = localizersOnly;
    }

    /**
     * Splits a series' image files and its files without Pixel Data (both in file name order).
     *
     * @throws CovsegException when no image is left, or when no orientation holds a majority of the images
     */
    static SeriesImages of(List<DicomHeader> images, List<DicomHeader> withoutPixelData) {
        Map<String, List<Path>> leftOut = new LinkedHashMap<>();
        if (!withoutPixelData.isEmpty()) {
            leftOut.put("no Pixel Data (7FE0,0010)", files(withoutPixelData));
        }
        if (images.isEmpty()) {
            throw new CovsegException("no file of the series has Pixel Data (7FE0,0010): "
                    + DicomFolder.names(files(withoutPixelData)) + "; export the series again with its images");
        }
        List<DicomHeader> localizers = images.stream().filter(SeriesImages::isLocalizer).toList();
        boolean localizersOnly = localizers.size() == images.size();
        List<DicomHeader> rest = images;
        if (!localizersOnly && !localizers.isEmpty()) {
            leftOut.put("localizer", files(localizers));
            rest = images.stream().filter(h -> !isLocalizer(h)).toList();
        }
        List<OrientationGroup> groups = OrientationGroup.of(rest);
        OrientationGroup main = groups.get(0);
        if (groups.size() > 1 && 2 * main.images.size() <= rest.size()) {
            throw new CovsegException("the images of the series lie in several orientations and none holds the"
                    + " majority (" + groups.stream().map(g -> g.images.size() + " " + g.label())
                    .collect(Collectors.joining(", ")) + "); split the series into one folder per orientation");
        }
        for (OrientationGroup other : groups.subList(1, groups.size())) {
            leftOut.computeIfAbsent(other.reasonBeside(main), r -> new ArrayList<>()).addAll(files(other.images));
        }
        return new SeriesImages(main.images, main.orientation(), leftOut, localizersOnly);
    }

    /** The images that form the series' volume (all of them for a localizer-only series). */
    List<DicomHeader> stack() {
        return stack;
    }

    /** The plane of the stack's images, as their Image Orientation (Patient) says. */
    SeriesOrientation orientation() {
        return orientation;
    }

    /** True when the series holds localizer (scout) images only. */
    boolean localizersOnly() {
        return localizersOnly;
    }

    /** One line per reason, e.g. "left out IM001022 (coronal image in an axial series)". */
    List<String> leftOutNotes() {
        return leftOut.entrySet().stream()
                .map(e -> "left out " + DicomFolder.names(e.getValue()) + " (" + e.getKey() + ")")
                .toList();
    }

    private static boolean isLocalizer(DicomHeader h) {
        return h.text(IMAGE_TYPE).stream().flatMap(t -> Arrays.stream(t.split("\\\\")))
                .anyMatch(v -> v.trim().toUpperCase(Locale.ROOT).equals("LOCALIZER"));
    }

    private static List<Path> files(List<DicomHeader> headers) {
        return headers.stream().map(DicomHeader::file).toList();
    }

    /** Images sharing one Image Orientation (Patient); {@code cosines} is null for images without a valid one. */
    private static final class OrientationGroup {

        private final double[] cosines;
        private final List<DicomHeader> images = new ArrayList<>();

        private OrientationGroup(double[] cosines) {
            this.cosines = cosines;
        }

        /** The groups of {@code images}, largest first (ties in file order). */
        static List<OrientationGroup> of(List<DicomHeader> images) {
            List<OrientationGroup> groups = new ArrayList<>();
            for (DicomHeader h : images) {
                double[] cosines = cosines(h);
                OrientationGroup group = groups.stream().filter(g -> g.holds(cosines)).findFirst().orElseGet(() -> {
                    OrientationGroup g = new OrientationGroup(cosines);
                    groups.add(g);
                    return g;
                });
                group.images.add(h);
            }
            groups.sort(Comparator.comparingInt((OrientationGroup g) -> g.images.size()).reversed());
            return groups;
        }

        private static double[] cosines(DicomHeader h) {
            try {
                return h.requiredNumbers(ORIENTATION, "Image Orientation (Patient)", 6);
            } catch (CovsegException e) {
                return null;
            }
        }

        private boolean holds(double[] other) {
            if (cosines == null || other == null) {
                return cosines == other;
            }
            for (int c = 0; c < 6; c++) {
                if (Math.abs(cosines[c] - other[c]) > SAME_ORIENTATION) {
                    return false;
                }
            }
            return true;
        }

        private SeriesOrientation orientation() {
            if (cosines == null) {
                return SeriesOrientation.UNKNOWN;
            }
            double[] row = {cosines[0], cosines[1], cosines[2]};
            double[] column = {cosines[3], cosines[4], cosines[5]};
            return SeriesOrientation.ofNormal(Vectors.unit(Vectors.cross(row, column)));
        }

        String label() {
            return cosines == null ? "without a valid Image Orientation (Patient)" : orientation().label();
        }

        /** Why this group's images are left out of a series whose stack is {@code main}. */
        String reasonBeside(OrientationGroup main) {
            if (cosines == null) {
                return "no valid Image Orientation (Patient)";
            }
            if (main.cosines == null || orientation() == main.orientation()) {
                return "Image Orientation (Patient) unlike the rest of the series";
            }
            String mainLabel = main.orientation().label();
            return orientation().label() + " image in " + (mainLabel.matches("[aeiou].*") ? "an " : "a ") + mainLabel
                    + " series";
        }
    }
}
