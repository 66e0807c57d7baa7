package org.covseg.severity;

/**
 * Percentage of infection (POI, Shan et al. 2020) per lung and for both lungs, per infection class, with the
 * infection found outside the lung mask reported apart.
 *
 * @param label        what this is, for a report heading
 * @param definition   the exact definition, for a report to print
 * @param unit         unit of every {@link Amount#value()} here
 * @param right        the right lung (lung label 1)
 * @param left         the left lung (lung label 2)
 * @param total        both lungs together
 * @param outsideLungs infection voxels where the lung mask is 0 (in no percentage and no score)
 */
public record PercentageOfInfection(String label, String definition, String unit, LungInvolvement right,
                                    LungInvolvement left, LungInvolvement total, OutsideLungs outsideLungs) {

    public static final String DEFINITION = "POI = infected amount inside the lung / lung amount x 100 (Shan et al."
            + " 2020), for the right lung (lung label 1), the left lung (lung label 2) and both lungs (total), per"
            + " infection class: ground-glass opacity (infection label 1), consolidation (infection label 2) and any"
            + " (either). With a binary infection mask (1 = infection of unknown class) only 'any' is given."
            + " Volumes: voxel count x voxel volume in mm³ / 1000 = mL. A single slice: pixel count x pixel area ="
            + " mm², an area fraction of this slice only, not of the whole lung. Plain voxel or pixel counts when the"
            + " spacing is unknown. Only infection inside the lung mask counts; infection voxels where the lung mask"
            + " is 0 are reported as outsideLungs and enter no percentage and no score. A lung without voxels has an"
            + " undefined (null) percentage.";

    /** The share of one infection class in a lung; {@code percent} is null when the lung has no voxels. */
    public record ClassInvolvement(Amount infected, Double percent) {

        static ClassInvolvement of(long infected, long lung, double perVoxel) {
            return new ClassInvolvement(Amount.of(infected, perVoxel), Amount.percent(infected, lung));
        }
    }

    /**
     * One lung (or both). {@code groundGlass} and {@code consolidation} are null for a binary infection mask.
     */
    public record LungInvolvement(Amount lung, ClassInvolvement any, ClassInvolvement groundGlass,
                                  ClassInvolvement consolidation) {
    }

    /** Infection outside the lung mask; {@code groundGlass} and {@code consolidation} null for a binary mask. */
    public record OutsideLungs(Amount any, Amount groundGlass, Amount consolidation) {
    }

    static PercentageOfInfection of(MaskCounts counts, SeverityInput in) {
        boolean classes = in.infectionLabels() == InfectionLabels.GROUND_GLASS_AND_CONSOLIDATION;
        double per = in.amountPerVoxel();
        long[] lung = new long[3];
        long[][] infected = new long[3][3];
        for (int side = 1; side <= 2; side++) {
            lung[side] = counts.all(side);
            lung[0] += lung[side];
            for (int c = 1; c <= 2; c++) {
                infected[side][c] = counts.count(side, c);
                infected[0][c] += infected[side][c];
            }
        }
        String label = in.singleSlice()
                ? "Percentage of infection (POI), area-based on this slice"
                : "Percentage of infection (POI), volume-based";
        Amount outsideGgo = Amount.of(counts.count(0, 1), per);
        Amount outsideConsolidation = Amount.of(counts.count(0, 2), per);
        OutsideLungs outside = new OutsideLungs(Amount.of(counts.infected(0), per),
                classes ? outsideGgo : null, classes ? outsideConsolidation : null);
        return new PercentageOfInfection(label, DEFINITION, in.unit().symbol(),
                involvement(lung[1], infected[1], per, classes),
                involvement(lung[2], infected[2], per, classes),
                involvement(lung[0], infected[0], per, classes),
                outside);
    }

    private static LungInvolvement involvement(long lung, long[] infected, double per, boolean classes) {
        return new LungInvolvement(Amount.of(lung, per),
                ClassInvolvement.of(infected[1] + infected[2], lung, per),
                classes ? ClassInvolvement.of(infected[1], lung, per) : null,
                classes ? ClassInvolvement.of(infected[2], lung, per) : null);
    }
}
