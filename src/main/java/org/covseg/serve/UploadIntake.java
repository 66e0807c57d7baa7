package org.covseg.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.covseg.CovsegException;
import org.covseg.analysis.AnalysisOptions;
import org.covseg.data.Scan;
import org.covseg.data.Scans;
import org.covseg.image.Volume;
import org.covseg.io.FileNames;

/**
 * Receives an upload into a fresh folder and checks it as {@code covseg analyze} would read it, before it may be
 * queued: one NIfTI file, one zip of a DICOM series or study (unpacked by {@link SafeZip}), or one or more 2-D images
 * (or DICOM files). The scan is read once here so that a bad upload is refused at once with the CLI's own one-line
 * message, naming the file as the client named it; a refused upload leaves nothing behind.
 */
final class UploadIntake {

    /**
     * A checked upload, still in its incoming folder.
     *
     * @param folder the incoming folder to adopt as the job's folder
     * @param input  the study inside it, relative to it
     * @param name   what the client uploaded, for people to recognise
     */
    record Checked(Path folder, String input, String name, JobMasks masks) {
    }

    /** The form fields of the masks an upload may bring, as analyze's options. */
    static final Map<String, String> MASK_FIELDS = Map.of("infection_mask", "--infection-mask", "lung_mask",
            "--lung-mask", "reference_mask", "--reference-mask");

    /** One upload is read at a time: reading a large study takes a lot of memory. */
    private static final Object READING = new Object();

    private final JobFolders folders;
    private final UploadLimits limits;

    UploadIntake(JobFolders folders, UploadLimits limits) {
        this.folders = folders;
        this.limits = limits;
    }

    /**
     * @param masks      the mask parts by form field ({@link #MASK_FIELDS}), at most one each
     * @param maskLabels what the masks' values mean
     */
    Checked receive(List<UploadPart> parts, Map<String, UploadPart> masks, JobMasks maskLabels,
            AnalysisOptions options) {
        if (parts.isEmpty()) {
            throw new ApiException(400, "no file uploaded: send the study as the form field 'files'");
        }
        Path folder = folders.newIncoming();
        try {
            String input = store(parts, folder);
            JobMasks given = storeMasks(masks, maskLabels, folder);
            check(folder, input, options, given);
            return new Checked(folder, input, displayName(parts), given);
        } catch (RuntimeException e) {
            JobFolders.delete(folder);
            throw e;
        }
    }

    /**
     * Stores the parts under {@code folder/input} and returns the study's path relative to {@code folder}: the NIfTI
     * or image file itself, or, for a zip or several files, a folder named after the upload (the study's name in
     * the report and the masks' names).
     */
    private String store(List<UploadPart> parts, Path folder) {
        long volumes = parts.stream().filter(p -> Scans.isVolumeFile(p.filename())).count();
        long zips = parts.stream().filter(p -> lower(p.filename()).endsWith(".zip")).count();
        if ((volumes > 0 || zips > 0) && parts.size() > 1) {
            throw new ApiException(400, "one study per upload: a NIfTI file, a zip of a DICOM series or study, or"
                    + " images; got " + parts.size() + " files including " + (volumes > 0 ? "a NIfTI file" : "a zip"));
        }
        String first = safeName(parts.get(0).filename());
        boolean single = parts.size() == 1 && Scans.isOneFileStudy(first);
        String study = JobFolders.INPUT + "/" + (single ? first : FileNames.withoutExtension(first));
        Path in = folder.resolve(single ? JobFolders.INPUT : study);
        try {
            Files.createDirectories(in);
            if (zips == 1) {
                Path zip = folder.resolve("upload.zip");
                copy(parts.get(0), zip, limits.maxBytes());
                SafeZip.unpack(zip, in, limits, first);
                Files.delete(zip);
                return study;
            }
            long budget = limits.maxBytes();
            Set<String> names = new HashSet<>();
            for (UploadPart p : parts) {
                String name = safeName(p.filename());
                if (!names.add(name)) {
                    throw new ApiException(400, "two uploaded files are both named " + name);
                }
                budget -= copy(p, in.resolve(name), budget);
            }
            return study;
        } catch (IOException e) {
            throw new CovsegException("cannot store the upload: " + e.getMessage(), e);
        }
    }

    /** Stores each mask as masks/<field>-<its name>, keeping its ending (.nii.gz, .png, ...). */
    private JobMasks storeMasks(Map<String, UploadPart> masks, JobMasks labels, Path folder) {
        if (masks.isEmpty()) {
            return labels;
        }
        Map<String, String> stored = new HashMap<>();
        try {
            Files.createDirectories(folder.resolve(JobMasks.FOLDER));
            for (Map.Entry<String, UploadPart> m : masks.entrySet()) {
                String name = JobMasks.FOLDER + "/" + m.getKey() + "-" + safeName(m.getValue().filename());
                copy(m.getValue(), folder.resolve(name), limits.maxBytes());
                stored.put(m.getKey(), name);
            }
        } catch (IOException e) {
            throw new CovsegException("cannot store the masks: " + e.getMessage(), e);
        }
        return new JobMasks(stored.get("infection_mask"), labels.infectionLabels(), stored.get("lung_mask"),
                labels.lungLabels(), stored.get("reference_mask"), labels.referenceLabels());
    }

    private void check(Path folder, String input, AnalysisOptions options, JobMasks masks) {
        Path study = folder.resolve(input);
        try {
            Scans.declaredVoxels(study).ifPresent(this::checkVoxels);
            synchronized (READING) {
                Scan scan = Scans.open(study, options.series(), options.orientation(), options.rewindow());
                checkVoxels(scan.volumes().stream().mapToLong(Volume::voxelCount).sum());
                masks.in(folder).checkAgainst(scan);
            }
        } catch (CovsegException e) {
            throw new ApiException(400, asClientNamesIt(e.getMessage(), Files.isDirectory(study) ? study
                    : study.getParent()));
        }
    }

    /**
     * A message without the server's folders: files by the names the client gave, the folder as "the upload", the
     * masks by their form fields.
     */
    private static String asClientNamesIt(String message, Path uploaded) {
        String m = message.replace(uploaded + "/", "").replace(uploaded.toString(), "the upload")
                .replaceAll("/\\S*/" + JobMasks.FOLDER + "/(infection_mask|lung_mask|reference_mask)-", "");
        for (Map.Entry<String, String> f : MASK_FIELDS.entrySet()) {
            m = m.replace(f.getValue(), f.getKey());
        }
        return m;
    }

    private void checkVoxels(long voxels) {
        if (voxels > limits.maxVoxels()) {
            throw new ApiException(413, "the study has " + voxels + " voxels; this server accepts at most "
                    + limits.maxVoxels());
        }
    }

    /** Copies a part, refusing it once it passes {@code budget} bytes; returns the bytes copied. */
    private long copy(UploadPart part, Path target, long budget) throws IOException {
        long copied = 0;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = part.content().open(); OutputStream out = Files.newOutputStream(target)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                copied += n;
                if (copied > budget) {
                    throw new ApiException(413, "the upload is larger than this server accepts ("
                            + limits.maxBytes() + " bytes)");
                }
                out.write(buffer, 0, n);
            }
        }
        return copied;
    }

    private static String displayName(List<UploadPart> parts) {
        String first = safeName(parts.get(0).filename());
        return parts.size() == 1 ? first : first + " and " + (parts.size() - 1) + " more";
    }

    /** The client's file name without folders, in safe characters; never a path the client chose. */
    static String safeName(String filename) {
        String n = filename == null ? "" : filename.replace('\\', '/');
        n = FileNames.safe(n.substring(n.lastIndexOf('/') + 1));
        if (n.length() > 120) {
            n = n.substring(n.length() - 120);
        }
        return n.isEmpty() ? "upload" : n;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
