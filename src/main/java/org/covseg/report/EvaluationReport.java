package org.covseg.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.covseg.CovsegException;
import org.covseg.evaluation.Backgrounds;
import org.covseg.evaluation.ClassResult;
import org.covseg.evaluation.EvaluationResult;
import org.covseg.io.AtomicFiles;

/**
 * The files of an evaluation: {@value #METRICS} ({@link MetricsJson}), {@value #PER_IMAGE} ({@link PerImageCsv}),
 * and per class a gallery ({@link Gallery}) and a Dice chart ({@link DiceChart}): {@code gallery.png} and
 * {@code dice.png} for a single-class result, {@code gallery_<class>.png} and {@code dice_<class>.png} otherwise.
 * Everything is rendered in memory first (reading the gallery's background images too), so a failure writes
 * nothing; each file is then written through {@link AtomicFiles}.
 */
public final class EvaluationReport {

    public static final String METRICS = "metrics.json";
    public static final String PER_IMAGE = "per_image.csv";

    private EvaluationReport() {
    }

    /** Writes the report into {@code dir} (created if needed) and returns the files written, in order. */
    public static List<Path> write(Path dir, EvaluationResult result, EvaluationInputs inputs,
                                   Backgrounds backgrounds) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(METRICS, MetricsJson.of(result, inputs));
        files.put(PER_IMAGE, PerImageCsv.of(result));
        for (ClassResult c : result.classes()) {
            String suffix = result.singleClass() ? "" : "_" + c.className();
            files.put("gallery" + suffix + ".png", png(Gallery.render(c, result.threshold(), backgrounds)));
            files.put("dice" + suffix + ".png", DiceChart.png(c, result.threshold()));
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = dir.resolve(file.getKey());
            try {
                AtomicFiles.write(target, out -> out.write(file.getValue()));
            } catch (IOException e) {
                throw new CovsegException("cannot write " + target + ": " + e.getMessage(), e);
            }
            written.add(target);
        }
        return written;
    }

    /** The image as PNG bytes. */
    static byte[] png(BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a PNG in memory", e);
        }
        return bytes.toByteArray();
    }
}
