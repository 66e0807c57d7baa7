package org.covseg.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.covseg.CovsegException;
import org.covseg.image.Volume;
import org.covseg.io.SliceOrientation;

/**
 * Opens whatever CT input a user names: a NIfTI file ({@code .nii}, {@code .nii.gz}, read as HU), a 2-D image
 * (PNG/JPG/TIFF/BMP, lung-windowed grey levels, as displayed), a folder of 2-D images (one study of slices), or a
 * folder holding a DICOM series, each read by its {@link ScanReader} ({@link ScanReaders} chooses). Images that do not
 * look lung-windowed get a note ({@link SliceWindowCheck}), or with {@code rewindow} are re-windowed
 * ({@link SliceRewindow}).
 */
public final class Scans {

    private Scans() {
    }

    /** Opens the input; {@code seriesUid} picks a DICOM series (null: the one covseg chooses, see SeriesChooser). */
    public static Scan open(Path path, String seriesUid) {
        return open(path, seriesUid, SliceOrientation.DISPLAY);
    }

    /** As {@link #open(Path, String)}, reading 2-D images in the given pixel orientation. */
    public static Scan open(Path path, String seriesUid, SliceOrientation orientation) {
        return open(path, seriesUid, orientation, false);
    }

    /**
     * As {@link #open(Path, String, SliceOrientation)}; with {@code rewindow}, 2-D images exported with a window other
     * than a lung window are re-windowed to look like the training slices (a note says so).
     */
    public static Scan open(Path path, String seriesUid, SliceOrientation orientation, boolean rewindow) {
        if (!Files.exists(path)) {
            throw new CovsegException("no such file or folder: " + path);
        }
        ScanReader reader = ScanReaders.of(path).orElseThrow(() -> new CovsegException("unsupported input " + path
                + ": expected " + ScanReaders.formats()));
        return reader.read(path, new ScanRequest(seriesUid, orientation, rewindow));
    }

    /**
     * The voxel count the input's header declares, known before its voxels are read (a NIfTI file); empty when its
     * format cannot tell or no format reads it.
     */
    public static OptionalLong declaredVoxels(Path path) {
        return ScanReaders.of(path).map(r -> r.declaredVoxels(path)).orElse(OptionalLong.empty());
    }

    /** True for a folder that {@link #open} reads as DICOM: one without image files directly in it. */
    public static boolean isDicomFolder(Path path) {
        return Files.exists(path) && ScanReaders.of(path).orElse(null) instanceof DicomFolderScans;
    }

    /**
     * Whether a file named {@code fileName} holds one whole CT volume (a NIfTI file today): a study of its own when
     * found in a folder of studies. Decided by the name, so it also serves for uploads and remote file systems.
     */
    public static boolean isVolumeFile(String fileName) {
        return ScanReaders.isVolumeFile(fileName);
    }

    /** Whether a file named {@code fileName} is one whole study by itself: a volume file or a 2-D image. */
    public static boolean isOneFileStudy(String fileName) {
        return isVolumeFile(fileName) || ImageFolder.hasImageEnding(fileName);
    }

    /** The name of a study folder (its own name, also when given as "." or with a trailing slash). */
    static String folderName(Path dir) {
        return dir.toAbsolutePath().normalize().getFileName().toString();
    }

    /** A volume in HU needs no re-windowing: say so when it was asked for. */
    static List<String> huNotes(List<String> notes, boolean rewindow) {
        if (!rewindow) {
            return notes;
        }
        List<String> all = new ArrayList<>(notes);
        all.add("--rewindow does nothing here: a volume in Hounsfield units is windowed with the window each model"
                + " records");
        return all;
    }

    /** 2-D slices as a scan, with a note on their window or, when asked, re-windowed. */
    static Scan slices(String name, Path source, Scan.Kind kind, List<String> fileNames, List<Volume> slices,
            ScanRequest request) {
        if (request.rewindow()) {
            SliceRewindow.Result r = SliceRewindow.apply(slices);
            return new Scan(name, source, kind, r.slices(), List.of(r.note()), request.orientation());
        }
        return new Scan(name, source, kind, slices, SliceWindowCheck.note(fileNames, slices).stream().toList(),
                request.orientation());
    }
}
