package org.covseg.io;

import java.util.Locale;
import java.util.Optional;

/** Whether a volume fits in Java's memory, checked from its voxel count before any voxel is allocated. */
final class VolumeMemory {

    /** Float copies a reader holds at once: the voxels in file order and the reoriented result. */
    static final int COPIES = 2;

    private VolumeMemory() {
    }

    /** Why a volume of {@code voxels} voxels cannot be read here, for an error line; empty when it can. */
    static Optional<String> shortfall(long voxels) {
        if (voxels > Integer.MAX_VALUE) {
            return Optional.of(String.format(Locale.ROOT, "its %d voxels are more than the %d one volume can hold",
                    voxels, Integer.MAX_VALUE));
        }
        long need = voxels * Float.BYTES * COPIES;
        long max = Runtime.getRuntime().maxMemory();
        if (need > max) {
            return Optional.of(String.format(Locale.ROOT, "its %d voxels need about %.1f GB of memory but Java may"
                    + " use only %.1f GB; raise the limit (e.g. COVSEG_JAVA_OPTS=-Xmx%dg)", voxels, need / 1e9,
                    max / 1e9, (long) Math.ceil(need * 1.5 / (1L << 30))));
        }
        return Optional.empty();
    }
}
