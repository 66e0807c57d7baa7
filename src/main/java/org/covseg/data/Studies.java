package org.covseg.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.covseg.CovsegException;

/**
 * What the user's input holds: one study (a NIfTI file, an image, a folder of images, a DICOM folder), or a folder
 * of studies: a folder without images or other files directly in it, holding NIfTI files and/or sub-folders, each
 * one study. Hidden entries (starting with a dot) are ignored.
 *
 * @param studies the studies' paths, in natural name order
 * @param batch   true for a folder of studies (outputs go to one sub-folder per study)
 */
public record Studies(List<Path> studies, boolean batch) {

    public Studies {
        studies = List.copyOf(studies);
    }

    public static Studies in(Path input) {
        if (!Files.exists(input)) {
            throw new CovsegException("no such file or folder: " + input);
        }
        if (!Files.isDirectory(input)) {
            return new Studies(List.of(input), false);
        }
        List<Path> niftis = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        boolean otherFiles = false;
        for (Path p : visibleEntries(input)) {
            if (Files.isDirectory(p)) {
                folders.add(p);
            } else if (Scans.isVolumeFile(p.getFileName().toString())) {
                niftis.add(p);
            } else {
                otherFiles = true;
            }
        }
        if (otherFiles || (niftis.isEmpty() && folders.isEmpty())) {
            return new Studies(List.of(input), false);
        }
        List<Path> all = new ArrayList<>(niftis);
        all.addAll(folders);
        all.sort((a, b) -> NaturalOrder.compare(a.getFileName().toString(), b.getFileName().toString()));
        return new Studies(all, true);
    }

    private static List<Path> visibleEntries(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).toList();
        } catch (IOException e) {
            throw new CovsegException("cannot list folder " + dir + ": " + e.getMessage(), e);
        }
    }
}
