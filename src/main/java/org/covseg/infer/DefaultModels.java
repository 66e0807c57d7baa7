package org.covseg.infer;

import java.nio.file.Files;
import java.nio.file.Path;
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
        return locate(INFECTION);
    }

    private static Path locate(String name) {
        Path home = Path.of(System.getProperty("covseg.home", ".")).toAbsolutePath().normalize();
        Path dir = home.resolve("models").resolve(name);
        if (!Files.isRegularFile(dir.resolve(ModelDir.SPEC_FILE))) {
            throw new CovsegException("no default " + name + " model at " + dir + "; pass --model <dir>");
        }
        return dir;
    }
}
