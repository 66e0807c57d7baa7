package org.covseg.infer;

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

    private DefaultModels() {
    }

    public static Path infection() {
        Path dir = infectionFolder();
        if (!isInstalled(dir)) {
            throw new CovsegException("no default " + INFECTION + " model at " + dir + "; pass --model <dir>");
        }
        return dir;
    }

    /** The shipped infection model, if this installation has one. */
    public static Optional<Path> installedInfection() {
        Path dir = infectionFolder();
        return isInstalled(dir) ? Optional.of(dir) : Optional.empty();
    }

    private static Path infectionFolder() {
        Path home = Path.of(System.getProperty("covseg.home", ".")).toAbsolutePath().normalize();
        return home.resolve("models").resolve(INFECTION);
    }

    private static boolean isInstalled(Path dir) {
        return Files.isRegularFile(dir.resolve(ModelDir.SPEC_FILE));
    }
}
