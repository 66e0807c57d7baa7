package org.covseg.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.covseg.CovsegException;

/**
 * What covseg needs from one CT image file: its geometry in DICOM patient coordinates (LPS, mm) and how to turn its
 * stored pixel values into Hounsfield units. Built only for files of the series being read.
 *
 * @param rowDirection    unit vector along a row, the direction of increasing column index (first half of 0020,0037)
 * @param columnDirection unit vector along a column, the direction of increasing row index (second half)
 * @param position        centre of the first transmitted pixel (0020,0032)
 * @param rowSpacing      distance between adjacent rows, in mm (first value of Pixel Spacing 0028,0030)
 * @param columnSpacing   distance between adjacent columns, in mm (second value)
 * @param sliceThickness  Slice Thickness (0018,0050), or NaN when absent
 * @param pixelOffset     byte offset of the pixel data in the file
 */
record DicomSlice(Path file, int rows, int columns, double[] rowDirection, double[] columnDirection,
                  double[] position, double rowSpacing, double columnSpacing, double sliceThickness,
                  double slope, double intercept, int bitsAllocated, boolean signed, boolean bigEndian,
                  long pixelOffset) {

    private static final double ORIENTATION_TOLERANCE = 1e-2;

    /** Reads and checks the tags of one image file (whose transfer syntax was already checked). */
    static DicomSlice of(DicomHeader h) {
        Path file = h.file();
        requireGreyScaleSingleFrame(h);
        int bits = h.requiredInt("0028,0100", "Bits Allocated");
        boolean signed = h.requiredInt("0028,0103", "Pixel Representation") == 1;
        if (!(bits == 16 || bits == 8 && !signed)) {
            throw new CovsegException(file + ": " + bits + "-bit " + (signed ? "signed" : "unsigned")
                    + " pixels are not supported; covseg reads 16-bit (signed or unsigned) and 8-bit unsigned pixels");
        }
        double[] orientation = h.requiredNumbers("0020,0037", "Image Orientation (Patient)", 6);
        double[] rowDir = {orientation[0], orientation[1], orientation[2]};
        double[] colDir = {orientation[3], orientation[4], orientation[5]};
        if (Math.abs(Vectors.norm(rowDir) - 1) > ORIENTATION_TOLERANCE
                || Math.abs(Vectors.norm(colDir) - 1) > ORIENTATION_TOLERANCE
                || Math.abs(Vectors.dot(rowDir, colDir)) > ORIENTATION_TOLERANCE) {
            throw new CovsegException(file + ": invalid Image Orientation (Patient) (0020,0037) "
                    + h.text("0020,0037").orElse("") + ": row and column directions must be orthogonal unit vectors");
        }
        double[] spacing = h.requiredNumbers("0028,0030", "Pixel Spacing", 2);
        if (!(spacing[0] > 0 && spacing[1] > 0)) {
            throw new CovsegException(file + ": invalid Pixel Spacing (0028,0030) " + spacing[0] + "\\" + spacing[1]
                    + ": spacings must be positive");
        }
        DicomSlice slice = new DicomSlice(file,
                h.requiredInt("0028,0010", "Rows"), h.requiredInt("0028,0011", "Columns"),
                Vectors.unit(rowDir), Vectors.unit(colDir),
                h.requiredNumbers("0020,0032", "Image Position (Patient)", 3), spacing[0], spacing[1],
                h.number("0018,0050", "Slice Thickness", Double.NaN),
                h.number("0028,1053", "Rescale Slope", 1), h.number("0028,1052", "Rescale Intercept", 0),
                bits, signed, DicomTransferSyntax.isBigEndian(h.text(DicomHeader.TRANSFER_SYNTAX).orElse("")),
                (long) h.requiredNumber(DicomHeader.PIXEL_DATA, "Pixel Data"));
        slice.requireCompletePixelData();
        return slice;
    }

    private static void requireGreyScaleSingleFrame(DicomHeader h) {
        int samples = (int) h.number("0028,0002", "Samples per Pixel", 1);
        String photometric = h.text("0028,0004").orElse("MONOCHROME2");
        if (samples != 1 || !photometric.equals("MONOCHROME2")) {
            throw new CovsegException(h.file() + ": " + photometric + " images with " + samples + " sample(s) per"
                    + " pixel are not supported; covseg reads grey-scale CT (MONOCHROME2)");
        }
        if (h.number("0028,0008", "Number of Frames", 1) > 1) {
            throw new CovsegException(h.file() + ": multi-frame (enhanced) DICOM is not supported; covseg reads one"
                    + " slice per file (convert with e.g. dcmtk's 'dcmconv' or 'emf2sf')");
        }
    }

    private void requireCompletePixelData() {
        long needed = pixelOffset + (long) rows * columns * (bitsAllocated / 8);
        try {
            long size = Files.size(file);
            if (size < needed) {
                throw new CovsegException(file + ": DICOM file is truncated (" + size + " bytes, the pixel data needs "
                        + needed + ")");
            }
        } catch (IOException e) {
            throw new CovsegException(file + ": cannot read file: " + e.getMessage(), e);
        }
    }

    /** Unit normal of the slice plane, rowDirection × columnDirection. */
    double[] normal() {
        return Vectors.unit(Vectors.cross(rowDirection, columnDirection));
    }

    /** The slice's Hounsfield units, row by row (index column + columns · row). */
    float[] hounsfieldUnits() {
        Object stored;
        try {
            stored = ImageJDicom.storedPixels(file, this);
        } catch (IOException e) {
            throw new CovsegException(file + ": cannot read the pixel data: " + e.getMessage(), e);
        }
        float[] hu = new float[rows * columns];
        if (stored instanceof byte[] bytes) {
            for (int p = 0; p < hu.length; p++) {
                hu[p] = (float) (slope * (bytes[p] & 0xff) + intercept);
            }
        } else {
            short[] shorts = (short[]) stored;
            int shift = signed ? 32768 : 0;
            for (int p = 0; p < hu.length; p++) {
                hu[p] = (float) (slope * ((shorts[p] & 0xffff) - shift) + intercept);
            }
        }
        return hu;
    }
}
