package org.covseg.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.covseg.CovsegException;
import org.covseg.image.Volume;
import org.covseg.io.SliceImageReader;

/** A folder with 2-D images directly in it: one study of slices, in natural file-name order. */
final class ImageFolderScans implements ScanReader {

    @Override
    public boolean reads(Path path) {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> s = Files.list(path)) {
            return s.anyMatch(ImageFolder::isImageFile);
        } catch (IOException e) {
            throw new CovsegException("cannot list folder " + path + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Scan read(Path path, ScanRequest request) {
        List<Volume> slices = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Path f : ImageFolder.list(path)) {
            slices.add(SliceImageReader.readImage(f, request.orientation()));
            names.add(f.getFileName().toString());
        }
        return Scans.slices(Scans.folderName(path), path, Scan.Kind.SLICE_FOLDER, names, slices, request);
    }

    @Override
    public String description() {
        return "a folder of images";
    }
}
