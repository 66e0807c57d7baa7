package org.covseg.analysis;

import java.nio.file.Path;
import org.covseg.image.Volume;
import org.covseg.io.NiftiDatatype;
import org.covseg.io.NiftiWriter;
import org.covseg.phantom.Phantom;
import org.covseg.phantom.PhantomConfig;

/** The small phantom the analysis tests share, and its volumes written where a user's files would be. */
public final class PhantomFiles {

    private PhantomFiles() {
    }

    /** A 64x64x12 phantom (5.6 mm pixels, 20 mm slices) with lesions of both classes in both lungs. */
    public static Phantom small() {
        return Phantom.generate(PhantomConfig.builder().grid(64, 12, 5.6, 20).seed(5).build());
    }

    /** Writes {@code v} as {@code dir/name} and returns the file. */
    public static Path write(Volume v, Path dir, String name, NiftiDatatype type) {
        Path file = dir.resolve(name);
        NiftiWriter.write(v, file, type);
        return file;
    }
}
