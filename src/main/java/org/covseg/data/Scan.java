package org.covseg.data;

import java.nio.file.Path;
import java.util.List;
import org.covseg.image.Volume;
import org.covseg.io.SliceImageReader;
import org.covseg.io.SliceOrientation;

/**
 * One study as given by the user: a CT volume (NIfTI file or DICOM series) or one or more 2-D slices
 * (an image file or a folder of images, each slice its own depth-1 volume since their sizes may differ).
 *
 * @param name    a file-system-safe name for outputs (file name without extension, or folder name)
 * @param source  the path the user gave
 * @param kind    what was read
 * @param volumes the volume, or the slices in natural file-name order; all in canonical orientation
 * @param notes   one-line remarks for the user (e.g. which DICOM series was chosen among several)
 * @param orientation the pixel order its 2-D image files were read in (and outputs for them are written in);
 *                    {@link SliceOrientation#DISPLAY} for volumes
 */
public record Scan(String name, Path source, Kind kind, List<Volume> volumes, List<String> notes,
                   SliceOrientation orientation) {

    public enum Kind {
        NIFTI("NIfTI volume"),
        DICOM("DICOM series"),
        SLICE("2-D slice image"),
        SLICE_FOLDER("folder of 2-D slice images");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }

        public boolean isVolume() {
            return this == NIFTI || this == DICOM;
        }
    }

    public Scan {
        volumes = List.copyOf(volumes);
        notes = List.copyOf(notes);
    }

    /** A CT volume (NIfTI or DICOM) rather than 2-D images. */
    public boolean isVolume() {
        return kind.isVolume();
    }

    /** A folder of 2-D images, each analysed on its own. */
    public boolean isImageFolder() {
        return kind == Kind.SLICE_FOLDER;
    }

    /** Every 2-D slice: a volume's axial slices, or the images. */
    public List<Volume> slices() {
        return volumes.stream().flatMap(v -> v.slices().stream()).toList();
    }

    /** The output base name of image s of a 2-D input: its file's name without the ending. */
    public String imageName(int s) {
        if (kind.isVolume()) {
            throw new IllegalStateException(kind.description() + " has no image files");
        }
        if (kind == Kind.SLICE) {
            return name;
        }
        String file = Path.of(volumes.get(s).metadata().get(SliceImageReader.SOURCE)).getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    /** The single volume of a NIfTI or DICOM scan. */
    public Volume volume() {
        if (!kind.isVolume()) {
            throw new IllegalStateException(kind.description() + " has no single volume");
        }
        return volumes.get(0);
    }
}
