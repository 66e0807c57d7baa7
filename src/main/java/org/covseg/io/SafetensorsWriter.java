package org.covseg.io;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes safetensors files (see {@link SafetensorsReader} for the layout) through {@link AtomicFiles}. Tensors are
 * stored in the given order; the header is padded with spaces to a multiple of 8 bytes so the data is aligned, as
 * the reference implementation does.
 */
public final class SafetensorsWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ALIGNMENT = 8;

    private SafetensorsWriter() {
    }

    public static void write(Path target, Collection<SafetensorsTensor> tensors) throws IOException {
        write(target, tensors, Map.of());
    }

    /** Writes the tensors and, when {@code metadata} is not empty, a {@code __metadata__} header entry. */
    public static void write(Path target, Collection<SafetensorsTensor> tensors, Map<String, String> metadata)
            throws IOException {
        byte[] header = header(tensors, metadata);
        AtomicFiles.write(target, raw -> {
            OutputStream out = new BufferedOutputStream(raw, 1 << 16);
            out.write(ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(header.length).array());
            out.write(header);
            for (SafetensorsTensor t : tensors) {
                out.write(t.data());
            }
            out.flush();
        });
    }

    private static byte[] header(Collection<SafetensorsTensor> tensors, Map<String, String> metadata) {
        ObjectNode root = JSON.createObjectNode();
        if (!metadata.isEmpty()) {
            ObjectNode meta = root.putObject("__metadata__");
            // in key order: the same model gives the same bytes (Map.of iterates in a different order in every JVM)
            new TreeMap<>(metadata).forEach(meta::put);
        }
        Set<String> names = new HashSet<>();
        long offset = 0;
        for (SafetensorsTensor t : tensors) {
            if (t.name().isEmpty() || t.name().equals("__metadata__") || !names.add(t.name())) {
                throw new IllegalArgumentException("tensor names must be unique and not empty or __metadata__: '"
                        + t.name() + "'");
            }
            ObjectNode entry = root.putObject(t.name());
            entry.put("dtype", t.dtype().name());
            ArrayNode shape = entry.putArray("shape");
            for (long d : t.shape()) {
                shape.add(d);
            }
            entry.putArray("data_offsets").add(offset).add(offset + t.data().length);
            offset += t.data().length;
        }
        StringBuilder json = new StringBuilder(root.toString());
        int length = json.toString().getBytes(StandardCharsets.UTF_8).length;
        json.append(" ".repeat((ALIGNMENT - length % ALIGNMENT) % ALIGNMENT));
        return json.toString().getBytes(StandardCharsets.UTF_8);
    }
}
