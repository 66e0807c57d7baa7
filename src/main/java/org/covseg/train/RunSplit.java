package org.covseg.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.covseg.data.Split;
import org.covseg.data.Splits;

/**
 * A training run's split, kept in {@code <run>/split.json}: made and written when the run starts, read back on
 * {@code --resume} so a resumed run validates on the same samples.
 */
final class RunSplit {

    static final String FILE = "split.json";

    private RunSplit() {
    }

    static Split readOrMake(Path runDirectory, boolean resume, Supplier<Split> make) throws IOException {
        Path file = runDirectory.resolve(FILE);
        if (resume && Files.exists(file)) {
            return Splits.read(file);
        }
        Split split = make.get();
        if (!resume) {
            Files.createDirectories(runDirectory);
            Splits.write(split, file);
        }
        return split;
    }
}
