package org.covseg.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.covseg.io.DicomSeriesReader;
import org.covseg.io.DicomSeriesResult;
import org.covseg.io.SliceOrientation;

/** A folder holding a DICOM study (one or more series); checked after {@link ImageFolderScans}. */
final class DicomFolderScans implements ScanReader {

    @Override
    public boolean reads(Path path) {
        return Files.isDirectory(path);
    }

    @Override
    public Scan read(Path path, ScanRequest request) {
        DicomSeriesResult r = request.seriesUid() == null ? DicomSeriesReader.read(path)
                : DicomSeriesReader.read(path, request.seriesUid());
        return new Scan(Scans.folderName(path), path, Scan.Kind.DICOM, List.of(r.volume()),
                Scans.huNotes(r.notes(), request.rewindow()), SliceOrientation.DISPLAY);
    }

    @Override
    public String description() {
        return "a folder with a DICOM series";
    }
}
