package org.covseg.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.covseg.image.IntensityUnit;
import org.covseg.io.FileNames;
import org.covseg.io.NiftiReader;
import org.covseg.io.SliceOrientation;

/** A NIfTI file ({@code .nii}, {@code .nii.gz}), read in Hounsfield units. */
final class NiftiScans implements ScanReader {

    @Override
    public boolean reads(Path path) {
        return Files.isRegularFile(path) && isVolumeFile(path.getFileName().toString());
    }

    @Override
    public boolean isVolumeFile(String fileName) {
        return FileNames.isNifti(fileName);
    }

    @Override
    public Scan read(Path path, ScanRequest request) {
        String name = path.getFileName().toString();
        return new Scan(FileNames.withoutExtension(name), path, Scan.Kind.NIFTI,
                List.of(NiftiReader.read(path, IntensityUnit.HU)), Scans.huNotes(List.of(), request.rewindow()),
                SliceOrientation.DISPLAY);
    }

    @Override
    public OptionalLong declaredVoxels(Path path) {
        return OptionalLong.of(NiftiReader.readHeader(path).voxelCount());
    }

    @Override
    public String description() {
        return "a NIfTI file (.nii, .nii.gz)";
    }
}
