package org.covseg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.image.Window;
import org.covseg.io.SliceImageWriter;
import org.covseg.io.SliceOrientation;
import org.covseg.phantom.Phantom;
import org.covseg.phantom.PhantomConfig;

/** A generic images/ + masks/ dataset of phantom slices (windowed PNGs, 0/255 infection masks) for CLI tests. */
final class TinyDataset {

    private TinyDataset() {
    }

    static Path write(Path dir, int slices) throws java.io.IOException {
        Phantom phantom = Phantom.generate(PhantomConfig.builder().grid(64, slices + 4, 5.0, 8.0).build());
        Files.createDirectories(dir.resolve("images"));
        Files.createDirectories(dir.resolve("masks"));
        for (int n = 0; n < slices; n++) {
            Phantom slice = phantom.slice(n + 2);
            Volume grey = Window.LUNG.apply(slice.ct());
            float[] mask = slice.infection().toArray();
            for (int p = 0; p < mask.length; p++) {
                mask[p] = mask[p] > 0 ? 255 : 0;
            }
            SliceImageWriter.writeGrey8(dir.resolve("images/s" + n + ".png"), grey, SliceOrientation.DISPLAY);
            SliceImageWriter.writeGrey8(dir.resolve("masks/s" + n + ".png"),
                    slice.infection().withVoxels(mask, IntensityUnit.LABEL), SliceOrientation.DISPLAY);
        }
        return dir;
    }
}
