package org.covseg.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.covseg.CovsegException;

/**
 * The tensors of a safetensors file by name, in the file's header order, and its optional string metadata
 * (the header's {@code __metadata__} entry).
 */
public record SafetensorsContent(Map<String, SafetensorsTensor> tensors, Map<String, String> metadata) {

    public SafetensorsContent {
        tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
        metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The tensor called {@code name}, or a {@link CovsegException} saying that {@code source} lacks it. */
    public SafetensorsTensor require(String name, String source) {
        SafetensorsTensor t = tensors.get(name);
        if (t == null) {
            throw new CovsegException(source + " has no tensor named '" + name + "'");
        }
        return t;
    }
}
