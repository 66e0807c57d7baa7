package org.covseg.data;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The input formats covseg reads, in the order they are tried: the one place that knows them all. */
final class ScanReaders {

    /** A folder with images in it is a study of slices; any other folder is taken for DICOM. */
    static final List<ScanReader> ALL = List.of(new NiftiScans(), new ImageScans(), new ImageFolderScans(),
            new DicomFolderScans());

    private ScanReaders() {
    }

    /** The reader of {@code path}, which exists; empty when no format matches. */
    static Optional<ScanReader> of(Path path) {
        return ALL.stream().filter(r -> r.reads(path)).findFirst();
    }

    static boolean isVolumeFile(String fileName) {
        return ALL.stream().anyMatch(r -> r.isVolumeFile(fileName));
    }

    /** "a, b, c, or d", for an error. */
    static String formats() {
        List<String> d = ALL.stream().map(ScanReader::description).toList();
        return String.join(", ", d.subList(0, d.size() - 1)) + ", or " + d.get(d.size() - 1);
    }
}
