package org.covseg.severity;

import java.util.Locale;
import org.covseg.image.ConnectedComponents;
import org.covseg.image.Volume;

/**
 * When a scan counts as showing infection: its largest face-connected group of infected voxels inside the lungs
 * reaches a minimum size, so that isolated speckle of a segmentation network does not make a finding.
 *
 * @param minVolumeMm3 minimum lesion volume for a volume with known spacing
 * @param minAreaMm2   minimum lesion area for a single slice with known spacing
 * @param minVoxels    minimum voxel or pixel count when the spacing is unknown
 */
public record FindingRule(double minVolumeMm3, double minAreaMm2, long minVoxels) {

    /** 100 mm³ = 0.1 mL, 10 mm², 10 voxels or pixels. */
    public static final FindingRule DEFAULT = new FindingRule(100, 10, 10);

    public FindingRule {
        if (!(minVolumeMm3 > 0) || !(minAreaMm2 > 0) || minVoxels < 1) {
            throw new IllegalArgumentException("finding thresholds must be positive");
        }
    }

    /** The rule in words, for a report to print. */
    public String definition() {
        return String.format(Locale.ROOT, "Infection is present when the largest face-connected group of infected"
                + " voxels inside the lungs (6 neighbours in a volume, 4 in a slice; any infection class) measures at"
                + " least %s mm³ = %s mL (volume), %s mm² (single slice) or %d voxels/pixels (spacing unknown)."
                + " Smaller groups count as speckle for this flag only: every infected voxel still counts in the"
                + " percentages and scores.", number(minVolumeMm3), number(minVolumeMm3 / 1000), number(minAreaMm2),
                minVoxels);
    }

    /** The finding of masks already checked by {@link MaskCounts}. */
    Finding apply(MaskCounts counts, SeverityInput in) {
        Volume grid = in.lungMask();
        long largest = ConnectedComponents.faceConnected(counts.infectedInLungs(), grid.width(), grid.height(),
                grid.depth()).largestSize();
        double[] s = grid.spacing();
        MeasureUnit unit = in.unit();
        boolean present = switch (unit) {
            case MILLILITRES -> largest * s[0] * s[1] * s[2] >= minVolumeMm3;
            case SQUARE_MILLIMETRES -> largest * s[0] * s[1] >= minAreaMm2;
            case VOXELS, PIXELS -> largest >= minVoxels;
        };
        double threshold = switch (unit) {
            case MILLILITRES -> minVolumeMm3 / 1000;
            case SQUARE_MILLIMETRES -> minAreaMm2;
            case VOXELS, PIXELS -> minVoxels;
        };
        return new Finding(definition(), present, Amount.of(largest, in.amountPerVoxel()), threshold);
    }

    private static String number(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
