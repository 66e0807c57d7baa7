package org.covseg.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.covseg.CovsegException;
import org.covseg.io.NiftiDatatype;
import org.covseg.io.NiftiWriter;
import org.covseg.io.SliceImageWriter;
import org.covseg.io.SliceOrientation;
import org.covseg.io.TestDicomWriter;
import org.covseg.phantom.Phantom;
import org.covseg.phantom.PhantomConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated NIfTI, PNG and DICOM files (bit flips, truncation, header fields set to extremes) are opened as a user's
 * scan: each is either read or refused with one {@link CovsegException} line, never another exception and never a
 * hang. {@value #DEFAULT_CASES} cases per format run in the suite; a long run takes more:
 * {@code ./mvnw test-compile surefire:test@default-test -Dtest=ScanFuzzTest -Dcovseg.fuzz.cases=20000}.
 */
class ScanFuzzTest {

    private static final int DEFAULT_CASES = 40;
    private static final long SEED = 20261206L;
    private static final long TIMEOUT_SECONDS = 20;
    /** The NIfTI-1 header: every 2- and 4-byte field lies in its first 348 bytes. */
    private static final int NIFTI_HEADER = 348;

    @TempDir
    static Path dir;

    private static ExecutorService reader;
    private static byte[] nifti;
    private static byte[] niftiGz;
    private static byte[] png;
    private static List<byte[]> dicomSeries;

    @BeforeAll
    static void validFiles() throws IOException {
        reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-reader");
            t.setDaemon(true);
            return t;
        });
        Phantom phantom = Phantom.generate(PhantomConfig.builder().grid(64, 6, 5.5, 10).lesions(1, 1, 0).build());
        Path valid = Files.createDirectories(dir.resolve("valid"));
        NiftiWriter.write(phantom.ct(), valid.resolve("ct.nii"), NiftiDatatype.INT16);
        NiftiWriter.write(phantom.ct(), valid.resolve("ct.nii.gz"), NiftiDatatype.INT16);
        nifti = Files.readAllBytes(valid.resolve("ct.nii"));
        niftiGz = Files.readAllBytes(valid.resolve("ct.nii.gz"));
        Phantom slice = phantom.slice(3);
        SliceImageWriter.writeGrey8(valid.resolve("slice.png"), slice.ct().toBuilder().voxels(grey(slice)).build(),
                SliceOrientation.DISPLAY);
        png = Files.readAllBytes(valid.resolve("slice.png"));
        dicomSeries = new ArrayList<>();
        for (Path file : TestDicomWriter.writeSeries(phantom.ct(), valid.resolve("dicom"),
                TestDicomWriter.Options.defaults())) {
            dicomSeries.add(Files.readAllBytes(file));
        }
        for (Path input : List.of(valid.resolve("ct.nii"), valid.resolve("ct.nii.gz"), valid.resolve("slice.png"),
                valid.resolve("dicom"))) {
            assertThat(outcome(input)).as("the unmutated %s", input.getFileName()).isEqualTo("read");
        }
    }

    @AfterAll
    static void stopReader() {
        reader.shutdownNow();
    }

    @Test
    void mutatedNiftiIsReadOrRefusedInOneLine() throws IOException {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (int c = 0; c < cases(); c++) {
            boolean gz = c % 2 == 1;
            Mutant m = mutate(gz ? niftiGz : nifti, random, gz ? 0 : NIFTI_HEADER);
            Path file = dir.resolve("nifti-" + c + (gz ? ".nii.gz" : ".nii"));
            Files.write(file, m.bytes());
            refused += record(failures, m.what(), file) ? 1 : 0;
        }
        assertThat(failures).isEmpty();
        assertThat(refused).as("mutations refused").isPositive();
    }

    @Test
    void mutatedPngIsReadOrRefusedInOneLine() throws IOException {
        Random random = new Random(SEED + 1);
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (int c = 0; c < cases(); c++) {
            // IHDR (width, height, depth, colour type) ends at byte 29 of a PNG
            Mutant m = mutate(png, random, 29);
            Path file = dir.resolve("png-" + c + ".png");
            Files.write(file, m.bytes());
            refused += record(failures, m.what(), file) ? 1 : 0;
        }
        assertThat(failures).isEmpty();
        assertThat(refused).as("mutations refused").isPositive();
    }

    @Test
    void aMutatedDicomFileInASeriesIsReadOrRefusedInOneLine() throws IOException {
        Random random = new Random(SEED + 2);
        List<String> failures = new ArrayList<>();
        int refused = 0;
        for (int c = 0; c < cases(); c++) {
            Path series = Files.createDirectories(dir.resolve("dicom-" + c));
            int victim = random.nextInt(dicomSeries.size());
            Mutant m = mutate(dicomSeries.get(victim), random, 1024);
            for (int f = 0; f < dicomSeries.size(); f++) {
                Files.write(series.resolve(String.format("IM%03d.dcm", f)), f == victim ? m.bytes()
                        : dicomSeries.get(f));
            }
            refused += record(failures, "file " + victim + ": " + m.what(), series) ? 1 : 0;
        }
        assertThat(failures).isEmpty();
        assertThat(refused).as("mutations refused").isPositive();
    }

    /** Adds the case to {@code failures} unless it was read or refused in one line; true when it was refused. */
    private static boolean record(List<String> failures, String mutation, Path input) {
        String outcome = outcome(input);
        if (!outcome.equals("read") && !outcome.startsWith("refused")) {
            failures.add(input.getFileName() + " (" + mutation + "): " + outcome);
        }
        return outcome.startsWith("refused");
    }

    /** "read", "refused: <line>", or what went wrong otherwise. */
    private static String outcome(Path input) {
        Future<Scan> open = reader.submit(() -> Scans.open(input, null));
        try {
            Scan scan = open.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertThat(scan.volumes()).isNotEmpty();
            return "read";
        } catch (TimeoutException e) {
            open.cancel(true);
            return "no answer within " + TIMEOUT_SECONDS + " s";
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof CovsegException && !cause.getMessage().isBlank()
                    && !cause.getMessage().contains("\n")) {
                return "refused: " + cause.getMessage();
            }
            return cause.getClass().getName() + ": " + cause.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private record Mutant(byte[] bytes, String what) {
    }

    /** One of: 1-8 random bit flips, a truncation, or a 2- or 4-byte field within {@code header} set to an extreme. */
    private static Mutant mutate(byte[] valid, Random random, int header) {
        byte[] b = valid.clone();
        int kind = random.nextInt(header > 0 ? 3 : 2);
        if (kind == 0) {
            int flips = 1 + random.nextInt(8);
            StringBuilder at = new StringBuilder();
            for (int i = 0; i < flips; i++) {
                int pos = random.nextInt(b.length);
                b[pos] ^= (byte) (1 << random.nextInt(8));
                at.append(i == 0 ? "" : ",").append(pos);
            }
            return new Mutant(b, flips + " bit flips at " + at);
        }
        if (kind == 1) {
            int length = random.nextInt(b.length);
            byte[] cut = new byte[length];
            System.arraycopy(b, 0, cut, 0, length);
            return new Mutant(cut, "truncated to " + length + " of " + b.length + " bytes");
        }
        int width = random.nextBoolean() ? 2 : 4;
        int pos = random.nextInt(Math.min(header, b.length) - width + 1);
        long[] extremes = {0, -1, Short.MAX_VALUE, Short.MIN_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE,
            Float.floatToIntBits(Float.NaN), Float.floatToIntBits(Float.POSITIVE_INFINITY)};
        long value = extremes[random.nextInt(extremes.length)];
        ByteBuffer field = ByteBuffer.wrap(b, pos, width).order(random.nextBoolean() ? ByteOrder.LITTLE_ENDIAN
                : ByteOrder.BIG_ENDIAN);
        if (width == 2) {
            field.putShort((short) value);
        } else {
            field.putInt((int) value);
        }
        return new Mutant(b, width + "-byte field at " + pos + " set to " + value);
    }

    private static int cases() {
        return Integer.getInteger("covseg.fuzz.cases", DEFAULT_CASES);
    }

    /** The phantom slice in the lung window as 8-bit grey levels, as an exported PNG would hold it. */
    private static float[] grey(Phantom slice) {
        float[] hu = slice.ct().toArray();
        float[] g = new float[hu.length];
        for (int p = 0; p < hu.length; p++) {
            g[p] = Math.max(0, Math.min(255, Math.round((hu[p] + 1350) / 1500f * 255)));
        }
        return g;
    }
}
