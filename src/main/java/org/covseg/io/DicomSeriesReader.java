package org.covseg.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.covseg.CovsegException;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Reorientation;
import org.covseg.image.Volume;

/**
 * Reads a CT series from a folder of DICOM files (one slice per file, uncompressed) into a {@link Volume} of
 * Hounsfield units in the canonical orientation. ImageJ parses each file; covseg groups, orders and checks them.
 *
 * <p>Only the files directly in the folder are read, not those in subfolders. Files that are not DICOM images are
 * ignored (and listed in the result's notes). Slices are ordered by their position along the slice normal, never
 * by file name or Instance Number. HU = Rescale Slope · stored value + Rescale Intercept, per file.
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

    /** Reads the CT series with the most slices in {@code dir}; the result's notes say so when there were several. */
    public static DicomSeriesResult read(Path dir) {
        DicomFolder folder = DicomFolder.scan(dir);
        List<DicomSeriesInfo> available = folder.series();
        if (available.isEmpty()) {
            throw folder.noImages();
        }
        DicomSeriesInfo chosen = available.stream().filter(s -> s.modality().equals("CT")).findFirst()
                .orElseThrow(() -> new CovsegException("no CT series in " + dir + ": found " + list(available)
                        + "; covseg reads CT only"));
        List<String> notes = new ArrayList<>();
        if (available.size() > 1) {
            notes.add(String.format(Locale.ROOT, "%d series found; using %s (%d slices); pass --series <UID> to"
                    + " choose", available.size(), chosen.uid(), chosen.sliceCount()));
        }
        return read(folder, chosen, available, notes);
    }

    /** Reads the series with the given Series Instance UID from {@code dir}. */
    public static DicomSeriesResult read(Path dir, String seriesUid) {
        Objects.requireNonNull(seriesUid, "seriesUid");
        DicomFolder folder = DicomFolder.scan(dir);
        List<DicomSeriesInfo> available = folder.series();
        if (available.isEmpty()) {
            throw folder.noImages();
        }
        DicomSeriesInfo chosen = available.stream().filter(s -> s.uid().equals(seriesUid.trim())).findFirst()
                .orElseThrow(() -> new CovsegException("series " + seriesUid + " is not in " + dir + "; available: "
                        + list(available)));
        return read(folder, chosen, available, new ArrayList<>());
    }

    private static DicomSeriesResult read(DicomFolder folder, DicomSeriesInfo chosen,
                                          List<DicomSeriesInfo> available, List<String> notes) {
        List<DicomHeader> headers = folder.headers(chosen.uid());
        for (DicomHeader h : headers) {
            String modality = h.text(DicomFolder.MODALITY).orElse("");
            if (!modality.equals("CT")) {
                throw new CovsegException(h.file() + ": series " + chosen.uid() + " has modality "
                        + (modality.isEmpty() ? "(none)" : modality) + ", not CT; covseg reads CT only");
            }
        }
        if (!folder.ignored().isEmpty()) {
            notes.add("ignored " + folder.ignored().size() + " file" + (folder.ignored().size() == 1 ? "" : "s")
                    + " that are not DICOM images: " + DicomFolder.names(folder.ignored()));
        }
        SliceStack stack = SliceStack.of(headers.stream().map(DicomSlice::of).toList());
        Volume fileOrder = assemble(stack, headers.get(0));
        Reorientation toCanonical = Reorientation.toCanonical(stack.affine());
        Volume volume = toCanonical.isIdentity() ? fileOrder : toCanonical.apply(fileOrder);
        return new DicomSeriesResult(volume, chosen, available, folder.ignored(), notes);
    }

    private static Volume assemble(SliceStack stack, DicomHeader anyHeader) {
        List<DicomSlice> slices = stack.slices();
        DicomSlice first = slices.get(0);
        int sliceSize = first.rows() * first.columns();
        float[] voxels = new float[Math.multiplyExact(sliceSize, slices.size())];
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
        return b.build();
    }

    private static String list(List<DicomSeriesInfo> series) {
        return series.stream().map(DicomSeriesInfo::toString).collect(Collectors.joining(", "));
    }
}
