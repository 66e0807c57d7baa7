package org.covseg.severity;

import java.util.Map;
import org.covseg.image.Volume;
import org.covseg.lungs.LungSide;

/** Lung and infected (any class) voxel counts of each {@link LungRegion}, given both lungs' partitions. */
final class RegionCounts {

    private final long[] lung = new long[LungRegion.values().length];
    private final long[] infected = new long[LungRegion.values().length];

    private RegionCounts(SeverityInput in, Map<LungSide, LungPartition> partitions) {
        Volume lungs = in.lungMask();
        Volume infection = in.infectionMask();
        for (int k = 0; k < lungs.depth(); k++) {
            for (int j = 0; j < lungs.height(); j++) {
                for (int i = 0; i < lungs.width(); i++) {
                    int label = (int) lungs.get(i, j, k);
                    if (label == 0) {
                        continue;
                    }
                    LungSide side = label == LungSide.RIGHT.label() ? LungSide.RIGHT : LungSide.LEFT;
                    int r = partitions.get(side).regionAt(i, j, k).ordinal();
                    lung[r]++;
                    if (infection.get(i, j, k) != 0) {
                        infected[r]++;
                    }
                }
            }
        }
    }

    /** Counts over masks already checked by {@link MaskCounts}; {@code partitions} must hold both lungs. */
    static RegionCounts of(SeverityInput in, Map<LungSide, LungPartition> partitions) {
        return new RegionCounts(in, partitions);
    }

    long lung(LungRegion region) {
        return lung[region.ordinal()];
    }

    long infected(LungRegion region) {
        return infected[region.ordinal()];
    }

    long lung(Lobe lobe) {
        return sum(lung, lobe);
    }

    long infected(Lobe lobe) {
        return sum(infected, lobe);
    }

    private static long sum(long[] perRegion, Lobe lobe) {
        long sum = 0;
        for (LungRegion r : LungRegion.values()) {
            sum += r.lobe() == lobe ? perRegion[r.ordinal()] : 0;
        }
        return sum;
    }
}
