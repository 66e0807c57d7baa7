package org.covseg.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.covseg.CovsegException;

/**
 * Reads safetensors files: an 8-byte little-endian header length, a JSON header
 * {@code {name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__": {...}}}, then the raw little-endian
 * tensor bytes, offsets counted from the end of the header. Gzip-compressed files ({@code .safetensors.gz}) are
 * recognised by their magic bytes. Malformed, truncated or unsupported files raise a {@link CovsegException}
 * naming the file.
 */
public final class SafetensorsReader {

    /** The largest header accepted; the safetensors specification uses the same 100 MB bound. */
    static final long MAX_HEADER_BYTES = 100_000_000L;

    private static final String METADATA_KEY = "__metadata__";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private SafetensorsReader() {
    }

    public static SafetensorsContent read(Path file) throws IOException {
        String source = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new CovsegException(source + ": no such safetensors file");
        }
        try (InputStream in = open(file)) {
            boolean gzipped = in instanceof GZIPInputStream;
            long headerLength = readHeaderLength(in, source);
            if (!gzipped && headerLength > Files.size(file) - Long.BYTES) {
                throw new CovsegException(source + ": header length " + headerLength + " exceeds the file size "
                        + Files.size(file) + "; the file is truncated or not a safetensors file");
            }
            byte[] header = readExactly(in, (int) headerLength, source, "header");
            Header parsed = parseHeader(header, source);
            Map<String, SafetensorsTensor> tensors = readData(in, parsed.entries, source);
            return new SafetensorsContent(tensors, parsed.metadata);
        } catch (EOFException e) {
            throw truncated(source, "compressed stream");
        } catch (ZipException e) {
            throw new CovsegException(source + ": corrupt gzip data (" + e.getMessage() + ")", e);
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b0 = in.read();
        int b1 = in.read();
        in.reset();
        return b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static long readHeaderLength(InputStream in, String source) throws IOException {
        byte[] bytes = readExactly(in, Long.BYTES, source, "header length");
        long length = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
        if (length < 2 || length > MAX_HEADER_BYTES) {
            throw new CovsegException(source + ": implausible safetensors header length " + length
                    + " (expected 2.." + MAX_HEADER_BYTES + "); this is not a safetensors file or it is corrupt");
        }
        return length;
    }

    private record Entry(String name, SafetensorsDtype dtype, long[] shape, long begin, long end) {
    }

    private record Header(List<Entry> entries, Map<String, String> metadata) {
    }

    private static Header parseHeader(byte[] header, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(new String(header, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new CovsegException(source + ": safetensors header is not valid JSON (" + e.getOriginalMessage()
                    + ")", e);
        }
        if (root == null || !root.isObject()) {
            throw new CovsegException(source + ": safetensors header is not a JSON object");
        }
        List<Entry> entries = new ArrayList<>();
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals(METADATA_KEY)) {
                metadata.putAll(parseMetadata(field.getValue(), source));
            } else {
                entries.add(parseEntry(field.getKey(), field.getValue(), source));
            }
        }
        return new Header(entries, metadata);
    }

    private static Map<String, String> parseMetadata(JsonNode node, String source) {
        if (!node.isObject()) {
            throw new CovsegException(source + ": safetensors " + METADATA_KEY + " is not a JSON object");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (!field.getValue().isTextual()) {
                throw new CovsegException(source + ": safetensors metadata value '" + field.getKey()
                        + "' is not a string");
            }
            metadata.put(field.getKey(), field.getValue().asText());
        }
        return metadata;
    }

    private static Entry parseEntry(String name, JsonNode node, String source) {
        String where = source + ": tensor '" + name + "'";
        JsonNode dtype = node.get("dtype");
        JsonNode shape = node.get("shape");
        JsonNode offsets = node.get("data_offsets");
        if (dtype == null || !dtype.isTextual() || shape == null || !shape.isArray() || offsets == null
                || !offsets.isArray() || offsets.size() != 2) {
            throw new CovsegException(where + " needs dtype, shape and data_offsets [begin, end] in the header");
        }
        long[] dims = new long[shape.size()];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = nonNegativeInteger(shape.get(i), where + " shape");
        }
        long begin = nonNegativeInteger(offsets.get(0), where + " data_offsets");
        long end = nonNegativeInteger(offsets.get(1), where + " data_offsets");
        SafetensorsDtype type = SafetensorsDtype.parse(dtype.asText(), name, source);
        long expected;
        try {
            expected = Math.multiplyExact(SafetensorsTensor.elementCount(dims), type.byteSize());
        } catch (ArithmeticException e) {
            throw new CovsegException(where + " has an impossibly large shape", e);
        }
        if (end < begin || end - begin != expected) {
            throw new CovsegException(where + " has data_offsets [" + begin + ", " + end + "] but its shape and dtype"
                    + " need " + expected + " bytes");
        }
        if (expected > Integer.MAX_VALUE - 8) {
            throw new CovsegException(where + " is larger than 2 GB, which covseg does not read");
        }
        return new Entry(name, type, dims, begin, end);
    }

    private static long nonNegativeInteger(JsonNode node, String what) {
        if (node == null || !node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < 0) {
            throw new CovsegException(what + " must hold non-negative integers");
        }
        return node.asLong();
    }

    /** Reads the tensors in the order of their offsets, so the data section is streamed once. */
    private static Map<String, SafetensorsTensor> readData(InputStream in, List<Entry> entries, String source)
            throws IOException {
        List<Entry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(Entry::begin).thenComparingLong(Entry::end));
        Map<String, byte[]> data = new LinkedHashMap<>();
        long position = 0;
        for (Entry e : byOffset) {
            if (e.begin < position) {
                throw new CovsegException(source + ": tensor '" + e.name + "' overlaps another tensor's data");
            }
            skipExactly(in, e.begin - position, source);
            data.put(e.name, readExactly(in, (int) (e.end - e.begin), source, "data of tensor '" + e.name + "'"));
            position = e.end;
        }
        Map<String, SafetensorsTensor> tensors = new LinkedHashMap<>();
        for (Entry e : entries) {
            tensors.put(e.name, new SafetensorsTensor(e.name, e.dtype, e.shape, data.get(e.name)));
        }
        return tensors;
    }

    private static byte[] readExactly(InputStream in, int length, String source, String what) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length != length) {
            throw truncated(source, what);
        }
        return bytes;
    }

    private static void skipExactly(InputStream in, long length, String source) throws IOException {
        try {
            in.skipNBytes(length);
        } catch (EOFException e) {
            throw truncated(source, "data");
        }
    }

    private static CovsegException truncated(String source, String what) {
        return new CovsegException(source + ": file is truncated (it ends inside the " + what
                + "); re-download or re-export it");
    }
}
