package org.covseg.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.covseg.io.FileNames;

/**
 * Unpacks an uploaded zip into one flat folder, refusing what could harm the server: entry names that leave the
 * folder (absolute, {@code ..}), more entries than allowed, and unpacked sizes beyond the limits, counted on the
 * bytes actually inflated, not on what the zip claims. Folders inside the zip are flattened (a DICOM study's
 * sub-folders become one folder of files, each prefixed with its entry number so that no two collide); hidden
 * entries, macOS resource forks and DICOMDIR indexes are skipped.
 */
final class SafeZip {

    private static final int BUFFER = 64 * 1024;

    private SafeZip() {
    }

    /**
     * Unpacks {@code zip} into {@code into} (an empty folder) and returns the number of files written.
     *
     * @param name the zip's name as the client gave it, for messages
     */
    static int unpack(Path zip, Path into, UploadLimits limits, String name) {
        long unpacked = 0;
        int files = 0;
        try (ZipFile z = new ZipFile(zip.toFile())) {
            if (z.size() > limits.maxZipEntries()) {
                throw new ApiException(400, name + " holds " + z.size() + " entries; at most "
                        + limits.maxZipEntries() + " are accepted");
            }
            Enumeration<? extends ZipEntry> entries = z.entries();
            int index = 0;
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                index++;
                String entry = e.getName();
                checkName(name, entry);
                if (e.isDirectory() || skipped(entry)) {
                    continue;
                }
                Path target = into.resolve(String.format(Locale.ROOT, "%05d_%s", index, FileNames.safe(baseName(entry))));
                unpacked += copy(z, e, target, limits, limits.maxUnpackedBytes() - unpacked, name);
                files++;
            }
        } catch (ZipException e) {
            throw new ApiException(400, name + " is not a readable zip file (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new ApiException(400, "cannot unpack " + name + ": " + e.getMessage());
        }
        if (files == 0) {
            throw new ApiException(400, name + " holds no files");
        }
        return files;
    }

    private static void checkName(String zip, String entry) {
        String n = entry.replace('\\', '/');
        boolean escapes = n.startsWith("/") || n.matches("^[A-Za-z]:.*") || n.contains("\0");
        for (String part : n.split("/")) {
            escapes |= part.equals("..");
        }
        if (escapes) {
            throw new ApiException(400, zip + " has an entry whose name leaves the zip's folder ("
                    + (n.length() > 60 ? n.substring(0, 60) + "..." : n) + "); nothing was unpacked");
        }
    }

    private static boolean skipped(String entry) {
        String n = entry.replace('\\', '/');
        String base = baseName(n);
        return n.startsWith("__MACOSX/") || n.contains("/__MACOSX/") || base.startsWith(".") || base.isEmpty()
                || base.equalsIgnoreCase("DICOMDIR");
    }

    private static String baseName(String entry) {
        String n = entry.replace('\\', '/');
        return n.substring(n.lastIndexOf('/') + 1);
    }

    private static long copy(ZipFile z, ZipEntry e, Path target, UploadLimits limits, long budget, String zip)
            throws IOException {
        long written = 0;
        long compressed = Math.max(1, e.getCompressedSize());
        byte[] buffer = new byte[BUFFER];
        try (InputStream in = z.getInputStream(e); OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                written += n;
                if (written > budget) {
                    throw new ApiException(413, zip + " unpacks to more than " + limits.maxUnpackedBytes()
                            + " bytes; nothing was kept");
                }
                if (written > BUFFER * 16L && written / compressed > limits.maxZipRatio()) {
                    throw new ApiException(400, zip + " has an entry that unpacks to over " + limits.maxZipRatio()
                            + " times its packed size (a zip bomb?); nothing was kept");
                }
                out.write(buffer, 0, n);
            }
        }
        return written;
    }
}
