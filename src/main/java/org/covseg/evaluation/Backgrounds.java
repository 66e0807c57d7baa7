package org.covseg.evaluation;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.covseg.data.ImageFolder;
import org.covseg.image.Volume;
import org.covseg.io.SliceImageReader;

/** The images shown under a gallery case's contours, by case name (grey levels 0..255, any size). */
@FunctionalInterface
public interface Backgrounds {

    /** No images: the gallery shows each case's probability map instead. */
    Backgrounds NONE = name -> Optional.empty();

    Optional<Volume> imageFor(String name);

    /**
     * The images of a folder, matched by base name (as the predictions are), read in their stored pixel order.
     * The folder is listed now, so a missing or empty folder fails before any work; {@code missing} hears of each
     * name the folder has no image for.
     */
    static Backgrounds fromFolder(Path dir, Consumer<String> missing) {
        Map<String, Path> files = ImageFolder.byBaseName(dir);
        return name -> {
            Path file = files.get(name);
            if (file == null) {
                missing.accept(name);
                return Optional.empty();
            }
            return Optional.of(SliceImageReader.readImage(file));
        };
    }
}
