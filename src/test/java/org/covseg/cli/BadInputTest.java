package org.covseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.covseg.image.Volume;
import org.covseg.io.NiftiDatatype;
import org.covseg.io.NiftiWriter;
import org.covseg.io.TestDicomWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gives exactly one clear line on stderr, a non-zero exit and no stack trace. */
class BadInputTest {

    @TempDir
    Path dir;

    private static Volume smallCt() {
        Volume v = Volume.builder(4, 4, 3).spacing(1, 1, 2).build();
        for (int k = 0; k < 3; k++) {
            for (int j = 0; j < 4; j++) {
                for (int i = 0; i < 4; i++) {
                    v.set(i, j, k, -1000 + 10 * (i + j + k));
                }
            }
        }
        return v;
    }

    private void assertOneLineError(Path input, String... expected) throws IOException {
        List<Path> before = listing();
        Cli r = Cli.run("info", input.toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception").startsWith("covseg: ")
                .contains(expected);
        assertThat(listing()).isEqualTo(before);
    }

    private List<Path> listing() throws IOException {
        try (var s = Files.walk(dir)) {
            return s.sorted().toList();
        }
    }

    /** An output covseg could not create is refused before the models load, not after they have run. */
    @Test
    void anOutputUnderAFileIsRefusedBeforeAnyWork() throws IOException {
        Path ct = dir.resolve("ct.nii.gz");
        NiftiWriter.write(smallCt(), ct, NiftiDatatype.INT16);
        Path file = Files.writeString(dir.resolve("notes.txt"), "a file, not a folder");
        List<Path> before = listing();
        Cli r = Cli.run("analyze", ct.toString(), "--out", file.resolve("report").toString(), "--model",
                dir.resolve("no-such-model").toString());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("covseg: cannot write " + file.resolve("report") + ": " + file
                + " is a file, not a folder; choose another --out");
        assertThat(listing()).isEqualTo(before);
    }

    /**
     * A temporary folder that does not exist is one line before any progress bar: the bars' terminal library would
     * print its own lines about the folder first.
     */
    @Test
    void aMissingTemporaryFolderIsOneLineBeforeAnyProgressBar() throws IOException {
        Path ct = dir.resolve("ct.nii.gz");
        NiftiWriter.write(smallCt(), ct, NiftiDatatype.INT16);
        String tmpdir = System.getProperty("java.io.tmpdir");
        PrintStream stderr = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        List<Path> before = listing();
        try {
            System.setProperty("java.io.tmpdir", dir.resolve("missing").toString());
            System.setErr(new PrintStream(printed, true, StandardCharsets.UTF_8));
            for (String[] args : new String[][] {{"analyze", ct.toString(), "--out", dir.resolve("a").toString()},
                    {"segment", ct.toString(), "--out", dir.resolve("s").toString()},
                    {"demo", "--out", dir.resolve("d").toString()}}) {
                Cli r = Cli.run(args);
                assertThat(r.exitCode()).as(args[0]).isEqualTo(1);
                assertThat(r.err().strip()).as(args[0]).doesNotContain("\n")
                        .startsWith("covseg: cannot keep a volume in a temporary file in " + dir.resolve("missing"));
            }
        } finally {
            System.setErr(stderr);
            System.setProperty("java.io.tmpdir", tmpdir);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(listing()).isEqualTo(before);
    }

    @Test
    void missingPath() throws IOException {
        assertOneLineError(dir.resolve("nope.nii.gz"), "no such file");
    }

    @Test
    void emptyFolder() throws IOException {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        assertOneLineError(empty, empty.toString());
    }

    @Test
    void notAnImage() throws IOException {
        Path f = Files.writeString(dir.resolve("scan.png"), "this is text, not a PNG");
        assertOneLineError(f, "scan.png");
    }

    @Test
    void truncatedNiftiGz() throws IOException {
        Path good = dir.resolve("good.nii.gz");
        NiftiWriter.write(smallCt(), good, NiftiDatatype.INT16);
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.nii.gz");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertOneLineError(cut, "cut.nii.gz");
    }

    @Test
    void wrongNiftiMagic() throws IOException {
        byte[] header = validHeader(4, 4, 3);
        header[344] = 'x';
        assertOneLineError(writeNii("magic.nii", header, 4 * 4 * 3 * 2), "magic.nii");
    }

    @Test
    void headerDimensionsDisagreeWithFileSize() throws IOException {
        assertOneLineError(writeNii("short.nii", validHeader(4, 4, 3), 10), "short.nii");
    }

    @Test
    void absurdDimensionsAreRefusedBeforeAllocating() throws IOException {
        assertOneLineError(writeNii("huge.nii", validHeader(30000, 30000, 30000), 16), "huge.nii");
    }

    @Test
    void nanVoxels() throws IOException {
        byte[] header = validHeader(2, 2, 1);
        ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putShort(70, (short) 16).putShort(72, (short) 32);
        ByteBuffer data = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        data.putFloat(1).putFloat(Float.NaN).putFloat(Float.POSITIVE_INFINITY).putFloat(0);
        Path f = dir.resolve("nan.nii.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
            out.write(header);
            out.write(new byte[4]);
            out.write(data.array());
        }
        assertOneLineError(f, "nan.nii.gz", "NaN");
    }

    @Test
    void compressedDicom() throws IOException {
        Path series = dir.resolve("jpeg");
        TestDicomWriter.writeSeries(smallCt(), series,
                TestDicomWriter.Options.defaults().transferSyntax(TestDicomWriter.JPEG_LOSSLESS));
        assertOneLineError(series, "compressed");
    }

    @Test
    void nonCtModality() throws IOException {
        Path series = dir.resolve("mr");
        TestDicomWriter.writeSeries(smallCt(), series, TestDicomWriter.Options.defaults().modality("MR"));
        assertOneLineError(series, "MR");
    }

    @Test
    void mixedSeriesAreListedWithCovsegsChoice() throws IOException {
        Path mixed = dir.resolve("mixed");
        TestDicomWriter.writeSeries(smallCt(), mixed, TestDicomWriter.Options.defaults().series("2.25.7", "a"));
        TestDicomWriter.writeSeries(smallCt().slice(0).copy(), mixed,
                TestDicomWriter.Options.defaults().series("2.25.8", "b"));
        Cli r = Cli.run("info", mixed.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("choice         series 3 (2.25.7): first by UID (2.25.7; series 3: 2.25.8)");
        Cli unknown = Cli.run("info", "--series", "9.9", mixed.toString());
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err().strip()).doesNotContain("\n").contains("9.9", "2.25.7", "2.25.8");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Cli r = Cli.run("info", "--frobnicate", "x");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("--frobnicate", "covseg info --help");
    }

    private Path writeNii(String name, byte[] header, int dataBytes) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write(header);
            out.write(new byte[4]);
            out.write(new byte[dataBytes]);
        }
        return f;
    }

    /** A little-endian NIfTI-1 header for int16 data of the given dimensions, data at offset 352. */
    private static byte[] validHeader(int nx, int ny, int nz) {
        ByteBuffer b = ByteBuffer.allocate(348).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 348);
        b.putShort(40, (short) 3).putShort(42, (short) nx).putShort(44, (short) ny).putShort(46, (short) nz);
        b.putShort(48, (short) 1).putShort(50, (short) 1).putShort(52, (short) 1).putShort(54, (short) 1);
        b.putShort(70, (short) 4).putShort(72, (short) 16);
        b.putFloat(76, 1).putFloat(80, 1).putFloat(84, 1).putFloat(88, 1);
        b.putFloat(108, 352);
        b.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
        return b.array();
    }
}
