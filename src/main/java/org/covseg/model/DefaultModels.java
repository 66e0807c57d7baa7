package org.covseg.model;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.covseg.CovsegException;

/**
 * The models shipped in the repository's {@code models/} folder, used when no {@code --model} is given. The
 * launcher tells where the repository is through the {@code covseg.home} system property.
 */
public final class DefaultModels {

    public static final String INFECTION = "infection";
    public static final String MULTICLASS = "multiclass";
    public static final String DETECT = "detect";

    private DefaultModels() {
    }

    public static Path infection() {
        Path dir = folder(INFECTION);
        if (!isInstalled(dir)) {
            throw new CovsegException("no default " + INFECTION + " model at " + dir + "; pass --model <dir>");
        }
        return dir;
    }

    /** The shipped infection model, if this installation has one. */
    public static Optional<Path> installedInfection() {
        return installed(INFECTION);
    }

    /** The shipped ground-glass / consolidation model, if this installation has one. */
    public static Optional<Path> installedMulticlass() {
        return installed(MULTICLASS);
    }

    /** The shipped COVID-19 detection model, if this installation has one. */
    public static Optional<Path> installedDetector() {
        return installed(DETECT);
    }

    private static Optional<Path> installed(String name) {
        Path dir = folder(name);
        return isInstalled(dir) ? Optional.of(dir) : Optional.empty();
    }

    private static Path folder(String name) {
        Path home = Path.of(System.getProperty("covseg.home", ".")).toAbsolutePath().normalize();
        return home.resolve("models").resolve(name);
    }

    private static boolean isInstalled(Path dir) {
        return Files.isRegularFile(dir.resolve(ModelDir.SPEC_FILE));
    }
}
