package org.covseg.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What identifies a CPU for the self-check's cache: its model name and feature flags as Linux reports them (the
 * first processor's), or just the architecture where /proc/cpuinfo is not there.
 */
public record CpuSignature(String model, List<String> flags) {

    public CpuSignature {
        flags = List.copyOf(flags);
    }

    public static CpuSignature ofThisMachine() {
        return read(Path.of("/proc/cpuinfo"));
    }

    static CpuSignature read(Path cpuinfo) {
        String model = System.getProperty("os.arch");
        List<String> flags = List.of();
        try {
            for (String line : Files.readAllLines(cpuinfo)) {
                String value = line.contains(":") ? line.substring(line.indexOf(':') + 1).trim() : "";
                if (line.startsWith("model name") && model.equals(System.getProperty("os.arch"))) {
                    model = value;
                } else if (line.startsWith("flags") && flags.isEmpty()) {
                    flags = Arrays.asList(value.split("\\s+"));
                }
            }
        } catch (IOException e) {
            // no /proc/cpuinfo (not Linux): the architecture alone identifies the CPU
        }
        return new CpuSignature(model, flags);
    }

    /** The vector-instruction flags that decide which oneDNN kernels run (AVX and later). */
    public String vectorFlags() {
        return flags.stream().filter(f -> f.startsWith("avx") || f.startsWith("amx")).sorted()
                .collect(Collectors.joining(" "));
    }
}
