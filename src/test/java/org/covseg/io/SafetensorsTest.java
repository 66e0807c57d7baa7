package org.covseg.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.covseg.CovsegException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsTest {

    @TempDir
    Path dir;

    /** The layout of a safetensors file written by hand: length, JSON header, data. */
    private static byte[] file(String header, byte[] data) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(json.length).put(json).put(data).array();
    }

    private static byte[] littleEndian(int... unsignedBytes) {
        byte[] out = new byte[unsignedBytes.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) unsignedBytes[i];
        }
        return out;
    }

    private Path write(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    private static final String MIXED_HEADER = "{\"__metadata__\":{\"format\":\"pt\"},"
            + "\"half\":{\"dtype\":\"F16\",\"shape\":[2,3],\"data_offsets\":[0,12]},"
            + "\"brain\":{\"dtype\":\"BF16\",\"shape\":[2],\"data_offsets\":[12,16]},"
            + "\"single\":{\"dtype\":\"F32\",\"shape\":[],\"data_offsets\":[16,20]},"
            + "\"count\":{\"dtype\":\"I64\",\"shape\":[2],\"data_offsets\":[20,36]}}";

    private static final byte[] MIXED_DATA = littleEndian(
            0x00, 0x3C, // F16 0x3C00 = 1.0
            0x00, 0xC0, // 0xC000 = -2.0
            0xFF, 0x7B, // 0x7BFF = 65504, the largest half
            0x01, 0x00, // 0x0001 = 2^-24, the smallest subnormal
            0x00, 0x7C, // 0x7C00 = +infinity
            0x55, 0x35, // 0x3555 = 0.333251953125
            0x80, 0x3F, // BF16 0x3F80 = 1.0
            0x49, 0xC0, // 0xC049 = -3.140625
            0x00, 0x00, 0xC0, 0x3F, // F32 1.5
            0x07, 0, 0, 0, 0, 0, 0, 0, // I64 7
            0xFD, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF); // I64 -3

    @Test
    void readsHandMadeLayoutOfEveryDtype() throws IOException {
        SafetensorsContent c = SafetensorsReader.read(write("mixed.safetensors", file(MIXED_HEADER, MIXED_DATA)));

        assertThat(c.metadata()).containsExactly(Map.entry("format", "pt"));
        assertThat(c.tensors().keySet()).containsExactly("half", "brain", "single", "count");
        SafetensorsTensor half = c.tensors().get("half");
        assertThat(half.dtype()).isEqualTo(SafetensorsDtype.F16);
        assertThat(half.shape()).containsExactly(2, 3);
        assertThat(half.toFloatArray())
                .containsExactly(1.0f, -2.0f, 65504f, 0x1p-24f, Float.POSITIVE_INFINITY, 0.333251953125f);
        assertThat(c.tensors().get("brain").toFloatArray()).containsExactly(1.0f, -3.140625f);
        SafetensorsTensor single = c.tensors().get("single");
        assertThat(single.shape()).isEmpty();
        assertThat(single.toFloatArray()).containsExactly(1.5f);
        assertThat(c.tensors().get("count").toLongArray()).containsExactly(7L, -3L);
        assertThat(c.tensors().get("count").toFloatArray()).containsExactly(7f, -3f);
    }

    @Test
    void halfPrecisionSpecialValues() {
        assertThat(Float16.toFloat((short) 0x8000)).isEqualTo(-0.0f);
        assertThat(Float16.toFloat((short) 0x83FF)).isEqualTo(-1023 * 0x1p-24f);
        assertThat(Float16.toFloat((short) 0x0400)).isEqualTo(0x1p-14f);
        assertThat(Float16.toFloat((short) 0xFC00)).isEqualTo(Float.NEGATIVE_INFINITY);
        assertThat(Float16.toFloat((short) 0x7E00)).isNaN();
        assertThat(Float16.toFloat((short) 0x3BFF)).isEqualTo(1 - 0x1p-11f);
    }

    @Test
    void writesAlignedFilesThatReadBack() throws IOException {
        Path p = dir.resolve("out/round.safetensors");
        List<SafetensorsTensor> tensors = List.of(
                SafetensorsTensor.ofFloats("w", new long[] {2, 2}, new float[] {1, -2.5f, 3e-8f, 4}),
                SafetensorsTensor.ofLongs("n", new long[0], new long[] {12}),
                new SafetensorsTensor("h", SafetensorsDtype.F16, new long[] {1}, littleEndian(0x00, 0x3C)));
        SafetensorsWriter.write(p, tensors, Map.of("covseg", "test"));

        byte[] bytes = Files.readAllBytes(p);
        long headerLength = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(headerLength % 8).isZero();
        assertThat(bytes.length).isEqualTo(8 + headerLength + 16 + 8 + 2);

        SafetensorsContent c = SafetensorsReader.read(p);
        assertThat(c.metadata()).containsExactly(Map.entry("covseg", "test"));
        assertThat(c.tensors().keySet()).containsExactly("w", "n", "h");
        assertThat(c.tensors().get("w").shape()).containsExactly(2, 2);
        assertThat(c.tensors().get("w").toFloatArray()).containsExactly(1, -2.5f, 3e-8f, 4);
        assertThat(c.tensors().get("n").shape()).isEmpty();
        assertThat(c.tensors().get("n").toLongArray()).containsExactly(12);
        assertThat(c.tensors().get("h").toFloatArray()).containsExactly(1f);
    }

    @Test
    void metadataIsWrittenInKeyOrderWhateverTheMapsOrder() throws IOException {
        List<SafetensorsTensor> tensors = List.of(SafetensorsTensor.ofFloats("w", new long[] {1}, new float[] {1}));
        Map<String, String> zFirst = new java.util.LinkedHashMap<>();
        zFirst.put("z", "1");
        zFirst.put("a", "2");
        Map<String, String> aFirst = new java.util.LinkedHashMap<>();
        aFirst.put("a", "2");
        aFirst.put("z", "1");
        Path one = dir.resolve("one.safetensors");
        Path two = dir.resolve("two.safetensors");
        SafetensorsWriter.write(one, tensors, zFirst);
        SafetensorsWriter.write(two, tensors, aFirst);

        assertThat(Files.readAllBytes(one)).isEqualTo(Files.readAllBytes(two));
        assertThat(new String(Files.readAllBytes(one), java.nio.charset.StandardCharsets.UTF_8))
                .contains("{\"__metadata__\":{\"a\":\"2\",\"z\":\"1\"}");
    }

    @Test
    void readsGzippedFiles() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(file(MIXED_HEADER, MIXED_DATA));
        }
        Path p = write("mixed.safetensors.gz", gz.toByteArray());

        SafetensorsContent c = SafetensorsReader.read(p);
        assertThat(c.tensors().get("half").toFloatArray()[0]).isEqualTo(1.0f);
        assertThat(c.tensors().get("count").toLongArray()).containsExactly(7L, -3L);
    }

    @Test
    void tensorsMayBeStoredInAnyOrder() throws IOException {
        String header = "{\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]},"
                + "\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}";
        byte[] data = littleEndian(0, 0, 0x80, 0x3F, 0, 0, 0, 0x40); // 1.0, 2.0
        SafetensorsContent c = SafetensorsReader.read(write("order.safetensors", file(header, data)));
        assertThat(c.tensors().keySet()).containsExactly("b", "a");
        assertThat(c.tensors().get("a").toFloatArray()).containsExactly(1f);
        assertThat(c.tensors().get("b").toFloatArray()).containsExactly(2f);
    }

    @Test
    void truncatedDataIsAUserError() throws IOException {
        byte[] whole = file(MIXED_HEADER, MIXED_DATA);
        Path p = write("cut.safetensors", Arrays.copyOf(whole, whole.length - 3));
        assertThatThrownBy(() -> SafetensorsReader.read(p)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("cut.safetensors").hasMessageContaining("truncated")
                .hasMessageContaining("count");
    }

    @Test
    void truncatedGzipIsAUserError() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            out.write(file(MIXED_HEADER, MIXED_DATA));
        }
        byte[] whole = gz.toByteArray();
        Path p = write("cut.safetensors.gz", Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> SafetensorsReader.read(p)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("cut.safetensors.gz").hasMessageContaining("truncated");
    }

    @Test
    void absurdHeaderLengthIsAUserError() throws IOException {
        byte[] bytes = file(MIXED_HEADER, MIXED_DATA);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1L << 60);
        Path p = write("huge.safetensors", bytes);
        assertThatThrownBy(() -> SafetensorsReader.read(p)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("huge.safetensors").hasMessageContaining("header length");
    }

    @Test
    void headerLongerThanTheFileIsAUserError() throws IOException {
        byte[] bytes = file(MIXED_HEADER, MIXED_DATA);
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, 1000);
        Path p = write("short.safetensors", bytes);
        assertThatThrownBy(() -> SafetensorsReader.read(p)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("exceeds the file size");
    }

    @Test
    void tinyFileIsAUserError() throws IOException {
        Path p = write("tiny.safetensors", new byte[] {1, 2, 3});
        assertThatThrownBy(() -> SafetensorsReader.read(p)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("tiny.safetensors").hasMessageContaining("truncated");
    }

    @Test
    void headerThatIsNotJsonIsAUserError() throws IOException {
        Path p = write("text.safetensors", file("{not json", new byte[0]));
        assertThatThrownBy(() -> SafetensorsReader.read(p)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void unsupportedDtypeNamesTheTensor() throws IOException {
        Path p = write("f64.safetensors",
                file("{\"x\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}}", new byte[8]));
        assertThatThrownBy(() -> SafetensorsReader.read(p)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("'x'").hasMessageContaining("F64");
    }

    @Test
    void offsetsThatDisagreeWithTheShapeAreAUserError() throws IOException {
        Path p = write("bad.safetensors",
                file("{\"x\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,8]}}", new byte[12]));
        assertThatThrownBy(() -> SafetensorsReader.read(p)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("'x'").hasMessageContaining("12 bytes");
    }

    @Test
    void overlappingTensorsAreAUserError() throws IOException {
        String header = "{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[4,8]}}";
        Path p = write("overlap.safetensors", file(header, new byte[8]));
        assertThatThrownBy(() -> SafetensorsReader.read(p)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("overlaps");
    }

    @Test
    void duplicateNamesAreAUserError() throws IOException {
        String entry = "{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}";
        Path p = write("dup.safetensors", file("{\"a\":" + entry + ",\"a\":" + entry + "}", new byte[4]));
        assertThatThrownBy(() -> SafetensorsReader.read(p)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("dup.safetensors");
    }

    @Test
    void missingFileIsAUserError() {
        assertThatThrownBy(() -> SafetensorsReader.read(dir.resolve("absent.safetensors")))
                .isInstanceOf(CovsegException.class).hasMessageContaining("absent.safetensors");
    }

    @Test
    void tensorDataMustMatchItsShape() {
        assertThatThrownBy(() -> new SafetensorsTensor("x", SafetensorsDtype.F32, new long[] {2}, new byte[4]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
