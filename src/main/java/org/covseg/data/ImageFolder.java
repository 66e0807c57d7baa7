package org.covseg.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.covseg.CovsegException;

/** The image files of one folder, in natural order of their names ("2" before "10"). */
public final class ImageFolder {

    static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "tif", "tiff", "bmp");

    private ImageFolder() {
    }

    /** Image files directly in {@code dir} (hidden files and other extensions skipped); never empty. */
    public static List<Path> list(Path dir) {
        requireFolder(dir);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(ImageFolder::isImageFile).forEach(files::add);
        } catch (IOException e) {
            throw new CovsegException("cannot list folder " + dir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new CovsegException("no images (" + String.join(", ", new TreeSet<>(EXTENSIONS))
                    + ") in folder " + dir);
        }
        files.sort((a, b) -> NaturalOrder.compare(a.getFileName().toString(), b.getFileName().toString()));
        return files;
    }

    /** Image files of {@code dir} by base name (name without extension); two files sharing one is an error. */
    public static Map<String, Path> byBaseName(Path dir) {
        Map<String, Path> byName = new LinkedHashMap<>();
        for (Path f : list(dir)) {
            Path other = byName.put(baseName(f), f);
            if (other != null) {
                throw new CovsegException(dir + " holds two images named " + baseName(f) + " ("
                        + other.getFileName() + " and " + f.getFileName() + "); keep one");
            }
        }
        return byName;
    }

    /** Fails unless both folders hold the same base names, listing the first few that lack a partner. */
    static void requireSameNames(Map<String, Path> images, Path imagesDir, Map<String, Path> others,
            Path othersDir, String what) {
        List<String> noPartner = images.keySet().stream().filter(n -> !others.containsKey(n)).toList();
        if (!noPartner.isEmpty()) {
            throw new CovsegException(noPartner.size() + " image(s) in " + imagesDir + " have no " + what + " in "
                    + othersDir + ": " + FirstFew.of(noPartner));
        }
        List<String> orphans = others.keySet().stream().filter(n -> !images.containsKey(n)).toList();
        if (!orphans.isEmpty()) {
            throw new CovsegException(orphans.size() + " " + what + "(s) in " + othersDir + " have no image in "
                    + imagesDir + ": " + FirstFew.of(orphans));
        }
    }

    public static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /** The sub-folder of {@code dir} with this name, ignoring case. */
    public static Optional<Path> child(Path dir, String name) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().equalsIgnoreCase(name))
                    .findFirst();
        } catch (IOException e) {
            throw new CovsegException("cannot list folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The sub-folder that a layout requires, or a user error naming the layout. */
    static Path requireChild(Path dir, String name, String layout) {
        requireFolder(dir);
        return child(dir, name).orElseThrow(() -> new CovsegException(
                "expected a " + name + "/ folder in " + dir + " (" + layout + " layout)"));
    }

    public static void requireFolder(Path dir) {
        if (!Files.exists(dir)) {
            throw new CovsegException("folder not found: " + dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new CovsegException("not a folder: " + dir);
        }
    }

    public static boolean isImageFile(Path p) {
        String name = p.getFileName().toString();
        return !name.startsWith(".") && hasImageEnding(name) && Files.isRegularFile(p);
    }

    /** True for a name ending in one of {@link #EXTENSIONS}, in any case. */
    public static boolean hasImageEnding(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }
}
