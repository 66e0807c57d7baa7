package org.covseg.io;

import ij.io.FileInfo;
import ij.io.ImageReader;
import ij.plugin.DICOM;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The only place covseg calls ImageJ for DICOM. ImageJ's {@link DICOM} decodes the header into its text dump
 * ("gggg,eeee  Name: value" lines), and its {@link ImageReader} reads the raw pixel values.
 *
 * <p>We do not use {@code DICOM.open}: for a rescale slope other than 1 it converts the image to float through
 * {@code IJ.run} (menu commands, global preferences), and otherwise it leaves the rescale to a display calibration.
 * Reading the stored values ourselves and applying slope and intercept in {@link DicomSlice} gives true HU on one path.
 *
 * <p>ImageJ's header decoder keeps state in static fields (a shared hex buffer, the tag dictionary), so header
 * reads are serialised.
 */
final class ImageJDicom {

    private static final Object LOCK = new Object();

    private ImageJDicom() {
    }

    /**
     * ImageJ's header dump of a file: every data element before the pixel data, the transfer syntax first.
     * Empty for a file that is not DICOM. For a compressed file it stops after the file meta group.
     */
    static String header(Path file) {
        synchronized (LOCK) {
            String info = new DICOM().getInfo(file.toAbsolutePath().toString());
            return info == null ? "" : info;
        }
    }

    /**
     * The stored pixel values of a slice, row by row: {@code short[]} for 16-bit pixels, offset by +32768 when they are
     * signed (ImageJ's convention, undone by the caller), {@code byte[]} for 8-bit pixels.
     */
    static Object storedPixels(Path file, DicomSlice slice) throws IOException {
        FileInfo fi = new FileInfo();
        fi.width = slice.columns();
        fi.height = slice.rows();
        fi.longOffset = slice.pixelOffset();
        fi.intelByteOrder = !slice.bigEndian();
        fi.fileType = slice.bitsAllocated() == 8 ? FileInfo.GRAY8
                : slice.signed() ? FileInfo.GRAY16_SIGNED : FileInfo.GRAY16_UNSIGNED;
        Object pixels;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            pixels = new ImageReader(fi).readPixels(in);
        }
        if (pixels == null) {
            throw new IOException("ImageJ could not read the pixel data");
        }
        return pixels;
    }
}
