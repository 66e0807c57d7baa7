package org.covseg.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.covseg.image.Window;
import org.covseg.io.SliceImageWriter;
import org.covseg.io.SliceOrientation;
import org.covseg.phantom.Phantom;
import org.covseg.phantom.PhantomConfig;

/**
 * A COVID-SemiSeg multi-class dataset of phantom slices: {@code MultiClassInfection-Tiny/{Imgs,GT}}, stored
 * transposed as the real one, GT as palette PNGs of the phantom's labels (1 ground-glass, 2 consolidation).
 */
final class TinyMulticlassDataset {

    private TinyMulticlassDataset() {
    }

    static Path write(Path parent, int slices) throws IOException {
        Path dir = parent.resolve("MultiClassInfection-Tiny");
        Phantom phantom = Phantom.generate(PhantomConfig.builder().grid(64, slices + 4, 5.0, 8.0).build());
        Files.createDirectories(dir.resolve("Imgs"));
        Files.createDirectories(dir.resolve("GT"));
        for (int n = 0; n < slices; n++) {
            Phantom slice = phantom.slice(n + 2);
            SliceImageWriter.writeGrey8(dir.resolve("Imgs/m" + n + ".png"), Window.LUNG.apply(slice.ct()),
                    SliceOrientation.TRANSPOSED);
            SliceImageWriter.writeLabels(dir.resolve("GT/m" + n + ".png"), slice.infection(),
                    SliceOrientation.TRANSPOSED);
        }
        return dir;
    }
}
