package org.covseg.io;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.covseg.CovsegException;

/** The element types covseg reads and writes in safetensors files, with their size in bytes. */
public enum SafetensorsDtype {
    /** IEEE 754 half precision. */
    F16(2),
    /** bfloat16: the upper 16 bits of a float32. */
    BF16(2),
    F32(4),
    I64(8);

    private final int byteSize;

    SafetensorsDtype(int byteSize) {
        this.byteSize = byteSize;
    }

    public int byteSize() {
        return byteSize;
    }

    /** The dtype named {@code code} in a header, or a {@link CovsegException} naming the tensor and the file. */
    static SafetensorsDtype parse(String code, String tensor, String file) {
        for (SafetensorsDtype d : values()) {
            if (d.name().equals(code)) {
                return d;
            }
        }
        String known = Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
        throw new CovsegException(file + ": tensor '" + tensor + "' has dtype " + code
                + ", which covseg does not read (supported: " + known + ")");
    }
}
