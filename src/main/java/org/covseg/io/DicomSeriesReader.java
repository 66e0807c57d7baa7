package org.covseg.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.covseg.CovsegException;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Reorientation;
import org.covseg.image.Volume;

/**
 * Reads a CT series from a folder of DICOM files (one slice per file, uncompressed) into a {@link Volume} of
 * Hounsfield units in the canonical orientation. ImageJ parses each file; covseg groups, orders and checks them.
 *
 * <p>Only the files directly in the folder are read, not those in subfolders. Files that are not DICOM images are
 * ignored, and localizer images, images of another orientation than the rest of their series and images without
 * Pixel Data are left out of it ({@link SeriesImages}); the result's notes name them all. Slices are ordered by their
 * position along the slice normal, never by file name or Instance Number. HU = Rescale Slope · stored value +
 * Rescale Intercept, per file. A coronal, sagittal or oblique series is restacked into axial slices when asked for
 * by UID; without a UID covseg chooses an axial series ({@link SeriesChooser}).
 *
 * <p>The volume's metadata holds, when present in the files: {@code format} (DICOM), {@code modality},
 * {@code seriesInstanceUid}, {@code seriesNumber}, {@code seriesDescription}, {@code patientPosition},
 * {@code bodyPartExamined}, {@code manufacturer}, {@code convolutionKernel}, {@code sliceThickness}. Nothing that
 * identifies the patient (names, IDs, dates) is copied.
 */
public final class DicomSeriesReader {

    private static final String[][] METADATA_TAGS = {
        {"modality", DicomFolder.MODALITY},
        {"seriesInstanceUid", DicomFolder.SERIES_UID},
        {"seriesNumber", "0020,0011"},
        {"seriesDescription", DicomFolder.SERIES_DESCRIPTION},
        {"patientPosition", "0018,5100"},
        {"bodyPartExamined", "0018,0015"},
        {"manufacturer", "0008,0070"},
        {"convolutionKernel", "0018,1210"},
        {"sliceThickness", "0018,0050"},
    };

    private DicomSeriesReader() {
    }

    /** Reads the series covseg chooses in {@code dir}; when there were several, the first note says which and why. */
    public static DicomSeriesResult read(Path dir) {
        DicomStudy study = DicomStudy.scan(dir);
        List<SeriesSummary> available = study.series();
        SeriesChoice choice = study.choice();
        SeriesSummary chosen = choice.series().orElseThrow(() -> new CovsegException(choice.reason()));
        List<String> notes = new ArrayList<>();
        if (available.size() > 1) {
            notes.add(String.format(Locale.ROOT, "%d series in the folder; reading %s; pass --series <UID> to read"
                    + " another", available.size(), choice.line()));
        }
        return read(study, chosen.uid(), notes);
    }

    /** Reads the series with the given Series Instance UID from {@code dir}. */
    public static DicomSeriesResult read(Path dir, String seriesUid) {
        Objects.requireNonNull(seriesUid, "seriesUid");
        return read(DicomStudy.scan(dir), seriesUid, new ArrayList<>());
    }

    private static DicomSeriesResult read(DicomStudy study, String uid, List<String> notes) {
        DicomSeries series = study.series(uid);
        SeriesSummary summary = series.summary();
        for (DicomHeader h : series.stackHeaders()) {
            String modality = h.text(DicomFolder.MODALITY).orElse("");
            if (!modality.equals("CT")) {
                throw new CovsegException(h.file() + ": series " + summary.uid() + " has modality "
                        + (modality.isEmpty() ? "(none)" : modality) + ", not CT; covseg reads CT only");
            }
        }
        SliceStack stack = series.stack();
        if (summary.localizer()) {
            throw new CovsegException(summary.name() + " (" + summary.uid() + ") holds localizer (scout) images only,"
                    + " not a CT volume; choose another series ('covseg info " + study.dir() + "' lists them)");
        }
        notes.addAll(summary.leftOut());
        List<Path> ignored = study.folder().ignored();
        if (!ignored.isEmpty()) {
            notes.add("ignored " + ignored.size() + " file" + (ignored.size() == 1 ? "" : "s")
                    + " that are not DICOM images: " + DicomFolder.names(ignored));
        }
        Volume fileOrder = assemble(stack, series.stackHeaders().get(0));
        Reorientation toCanonical = Reorientation.toCanonical(stack.affine());
        Volume volume = toCanonical.isIdentity() ? fileOrder : toCanonical.apply(fileOrder);
        if (summary.orientation() != SeriesOrientation.AXIAL) {
            notes.add(String.format(Locale.ROOT, "%s is %s: restacked into axial slices of %.3g x %.3g mm pixels",
                    summary.name(), summary.orientation().label(), volume.spacing()[0], volume.spacing()[1]));
        }
        return new DicomSeriesResult(volume, summary, study.series(), ignored, notes);
    }

    private static Volume assemble(SliceStack stack, DicomHeader anyHeader) {
        List<DicomSlice> slices = stack.slices();
        DicomSlice first = slices.get(0);
        int sliceSize = first.rows() * first.columns();
        VolumeMemory.shortfall((long) sliceSize * slices.size()).ifPresent(reason -> {
            throw new CovsegException("cannot read the DICOM series in " + first.file().getParent() + ": " + reason);
        });
        float[] voxels = new float[sliceSize * slices.size()];
        for (int k = 0; k < slices.size(); k++) {
            System.arraycopy(slices.get(k).hounsfieldUnits(), 0, voxels, k * sliceSize, sliceSize);
        }
        double[] spacing = stack.spacing();
        Volume.Builder b = Volume.builder(first.columns(), first.rows(), slices.size())
                .voxels(voxels)
                .spacing(spacing[0], spacing[1], spacing[2])
                .affine(stack.affine())
                .unit(IntensityUnit.HU)
                .meta("format", "DICOM");
        for (String[] keyAndTag : METADATA_TAGS) {
            anyHeader.text(keyAndTag[1]).ifPresent(v -> b.meta(keyAndTag[0], v));
        }
        return b.build().asShortsIfWhole();
    }
}
