package org.covseg.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.covseg.CovsegException;
import org.covseg.image.Volume;
import org.covseg.io.NiftiDatatype;
import org.covseg.io.NiftiWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanReadersTest {

    @TempDir
    Path dir;

    @Test
    void eachInputGoesToTheReaderOfItsFormat() throws IOException {
        Path images = Files.createDirectories(dir.resolve("slices"));
        Files.write(images.resolve("1.png"), new byte[0]);
        Path dicom = Files.createDirectories(dir.resolve("study"));
        Files.write(dicom.resolve("IM0001"), new byte[0]);

        assertThat(ScanReaders.of(Files.write(dir.resolve("ct.nii.gz"), new byte[0]))).containsInstanceOf(
                NiftiScans.class);
        assertThat(ScanReaders.of(Files.write(dir.resolve("ct.NII"), new byte[0]))).containsInstanceOf(
                NiftiScans.class);
        assertThat(ScanReaders.of(Files.write(dir.resolve("slice.JPG"), new byte[0]))).containsInstanceOf(
                ImageScans.class);
        assertThat(ScanReaders.of(images)).containsInstanceOf(ImageFolderScans.class);
        assertThat(ScanReaders.of(dicom)).containsInstanceOf(DicomFolderScans.class);
        assertThat(Scans.isDicomFolder(dicom)).isTrue();
        assertThat(Scans.isDicomFolder(images)).isFalse();
        assertThat(ScanReaders.of(Files.write(dir.resolve("notes.txt"), new byte[0]))).isEmpty();
    }

    @Test
    void studiesByFileNameAreTheRegistrysVolumeFilesAndImages() {
        assertThat(Scans.isVolumeFile("case1.nii.gz")).isTrue();
        assertThat(Scans.isVolumeFile("CASE1.NII")).isTrue();
        assertThat(Scans.isVolumeFile("slice.png")).isFalse();
        assertThat(Scans.isVolumeFile("IM0001")).isFalse();
        assertThat(Scans.isOneFileStudy("slice.png")).isTrue();
        assertThat(Scans.isOneFileStudy("case1.nii")).isTrue();
        assertThat(Scans.isOneFileStudy("study.zip")).isFalse();
    }

    @Test
    void aNiftiHeaderDeclaresItsVoxelsBeforeTheyAreRead() {
        Volume v = Volume.builder(4, 3, 2).spacing(1, 1, 2.5).voxels(new float[24]).build();
        Path nifti = dir.resolve("ct.nii.gz");
        NiftiWriter.write(v, nifti, NiftiDatatype.INT16);
        assertThat(Scans.declaredVoxels(nifti)).hasValue(24);
        assertThat(Scans.declaredVoxels(dir)).isEmpty();
    }

    @Test
    void anInputOfNoFormatIsRefusedNamingEveryFormat() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a scan");

        assertThatThrownBy(() -> Scans.open(text, null)).isInstanceOf(CovsegException.class)
                .hasMessage("unsupported input " + text + ": expected a NIfTI file (.nii, .nii.gz), an image (bmp,"
                        + " jpeg, jpg, png, tif, tiff), a folder of images, or a folder with a DICOM series");
    }
}
