package org.covseg.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.covseg.CovsegException;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.io.DicomSeriesReader;
import org.covseg.io.DicomSeriesResult;
import org.covseg.io.FileNames;
import org.covseg.io.NiftiReader;
import org.covseg.io.SliceImageReader;
import org.covseg.io.SliceOrientation;

/**
 * Opens whatever CT input a user names: a NIfTI file ({@code .nii}, {@code .nii.gz}, read as HU), a 2-D image
 * (PNG/JPG/TIFF/BMP, lung-windowed grey levels, as displayed), a folder of 2-D images (one study of slices), or a
 * folder holding a DICOM series. Images that do not look lung-windowed get a note ({@link SliceWindowCheck}), or
 * with {@code rewindow} are re-windowed ({@link SliceRewindow}).
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
        if (Files.isDirectory(path)) {
            return openFolder(path, seriesUid, orientation, rewindow);
        }
        String name = path.getFileName().toString();
        if (FileNames.isNifti(name)) {
            Volume v = NiftiReader.read(path, IntensityUnit.HU);
            return new Scan(FileNames.withoutExtension(name), path, Scan.Kind.NIFTI, List.of(v), huNotes(List.of(), rewindow),
                    SliceOrientation.DISPLAY);
        }
        if (ImageFolder.isImageFile(path)) {
            Volume v = SliceImageReader.readImage(path, orientation);
            return slices(FileNames.withoutExtension(name), path, Scan.Kind.SLICE, List.of(name), List.of(v), orientation,
                    rewindow);
        }
        throw new CovsegException("unsupported input " + path + ": expected a NIfTI file (.nii, .nii.gz), "
                + "an image (" + String.join(", ", ImageFolder.EXTENSIONS.stream().sorted().toList())
                + "), a folder of images, or a folder with a DICOM series");
    }

    /** True for a folder that {@link #open} reads as DICOM: one without image files directly in it. */
    public static boolean isDicomFolder(Path path) {
        return Files.isDirectory(path) && !containsImages(path);
    }

    private static Scan openFolder(Path dir, String seriesUid, SliceOrientation orientation, boolean rewindow) {
        String name = dir.toAbsolutePath().normalize().getFileName().toString();
        if (containsImages(dir)) {
            List<Volume> slices = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Path f : ImageFolder.list(dir)) {
                slices.add(SliceImageReader.readImage(f, orientation));
                names.add(f.getFileName().toString());
            }
            return slices(name, dir, Scan.Kind.SLICE_FOLDER, names, slices, orientation, rewindow);
        }
        DicomSeriesResult r = seriesUid == null ? DicomSeriesReader.read(dir) : DicomSeriesReader.read(dir, seriesUid);
        return new Scan(name, dir, Scan.Kind.DICOM, List.of(r.volume()), huNotes(r.notes(), rewindow),
                SliceOrientation.DISPLAY);
    }

    /** A volume in HU needs no re-windowing: say so when it was asked for. */
    private static List<String> huNotes(List<String> notes, boolean rewindow) {
        if (!rewindow) {
            return notes;
        }
        List<String> all = new ArrayList<>(notes);
        all.add("--rewindow does nothing here: a volume in Hounsfield units is windowed with the window each model"
                + " records");
        return all;
    }

    private static Scan slices(String name, Path source, Scan.Kind kind, List<String> fileNames, List<Volume> slices,
            SliceOrientation orientation, boolean rewindow) {
        if (rewindow) {
            SliceRewindow.Result r = SliceRewindow.apply(slices);
            return new Scan(name, source, kind, r.slices(), List.of(r.note()), orientation);
        }
        return new Scan(name, source, kind, slices, SliceWindowCheck.note(fileNames, slices).stream().toList(),
                orientation);
    }

    private static boolean containsImages(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.anyMatch(ImageFolder::isImageFile);
        } catch (IOException e) {
            throw new CovsegException("cannot list folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
