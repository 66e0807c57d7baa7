package org.covseg.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.covseg.CovsegException;

/** The DICOM transfer syntaxes covseg reads (uncompressed ones) and a readable name for those it refuses. */
final class DicomTransferSyntax {

    static final String IMPLICIT_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    static final String EXPLICIT_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    static final String EXPLICIT_BIG_ENDIAN = "1.2.840.10008.1.2.2";

    private DicomTransferSyntax() {
    }

    /**
     * Checks that a file's transfer syntax is uncompressed. A file without one (old ACR-NEMA style, no file meta
     * group) is implicit VR little endian, the DICOM default.
     */
    static void requireUncompressed(Path file, String uid) {
        if (uid.isEmpty() || uid.equals(IMPLICIT_LITTLE_ENDIAN) || uid.equals(EXPLICIT_LITTLE_ENDIAN)
                || uid.equals(EXPLICIT_BIG_ENDIAN)) {
            return;
        }
        throw new CovsegException(file + ": DICOM transfer syntax " + uid + " (" + describe(uid) + ") is not supported;"
                + " covseg reads uncompressed DICOM only: decompress the series first, e.g. with"
                + " 'gdcmconv --raw' or dcmtk's 'dcmdjpeg'/'dcmdrle'");
    }

    /**
     * The transfer syntax UID found as text in the file meta group (the first bytes of the file, never compressed).
     * Only for files ImageJ failed to parse, so that a deflated file still gets a clear message.
     */
    static Optional<String> sniff(Path file) {
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(4096);
        } catch (IOException e) {
            return Optional.empty();
        }
        String text = new String(start, StandardCharsets.ISO_8859_1);
        int from = text.indexOf(IMPLICIT_LITTLE_ENDIAN);
        if (from < 0) {
            return Optional.empty();
        }
        int to = from;
        while (to < text.length() && (Character.isDigit(text.charAt(to)) || text.charAt(to) == '.')) {
            to++;
        }
        return Optional.of(text.substring(from, to));
    }

    static boolean isBigEndian(String uid) {
        return uid.equals(EXPLICIT_BIG_ENDIAN);
    }

    private static String describe(String uid) {
        if (uid.equals("1.2.840.10008.1.2.1.99")) {
            return "deflated";
        }
        if (uid.equals("1.2.840.10008.1.2.5")) {
            return "RLE compressed";
        }
        if (uid.equals("1.2.840.10008.1.2.4.80") || uid.equals("1.2.840.10008.1.2.4.81")) {
            return "JPEG-LS compressed";
        }
        if (uid.startsWith("1.2.840.10008.1.2.4.9")) {
            return "JPEG 2000 compressed";
        }
        if (uid.startsWith("1.2.840.10008.1.2.4.20")) {
            return "High-Throughput JPEG 2000 compressed";
        }
        if (uid.startsWith("1.2.840.10008.1.2.4.10")) {
            return "MPEG/HEVC video";
        }
        if (uid.startsWith("1.2.840.10008.1.2.4.")) {
            return "JPEG compressed";
        }
        return "unknown";
    }
}
