package org.covseg.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.covseg.io.FileNames;
import org.covseg.io.SliceImageReader;

/** One 2-D image (PNG, JPEG, TIFF, BMP) of lung-windowed grey levels. */
final class ImageScans implements ScanReader {

    @Override
    public boolean reads(Path path) {
        return Files.isRegularFile(path) && ImageFolder.isImageFile(path);
    }

    @Override
    public Scan read(Path path, ScanRequest request) {
        String name = path.getFileName().toString();
        return Scans.slices(FileNames.withoutExtension(name), path, Scan.Kind.SLICE, List.of(name),
                List.of(SliceImageReader.readImage(path, request.orientation())), request);
    }

    @Override
    public String description() {
        return "an image (" + String.join(", ", ImageFolder.EXTENSIONS.stream().sorted().toList()) + ")";
    }
}
