package org.covseg.severity;

/**
 * The MosMedData severity category CT-0…CT-4 from whole-lung involvement.
 *
 * @param applicable          false for a single slice
 * @param notApplicableReason why not, or null
 * @param category            "CT-0" … "CT-4", or null when not applicable
 * @param level               0..4, or null when not applicable
 * @param involvementPercent  infected share of both lungs (any class) in %, or null when not applicable
 */
public record MosmedCategory(String label, String definition, boolean applicable, String notApplicableReason,
                             String category, Integer level, Double involvementPercent) implements WholeLungScore {

    public static final String KEY = "mosmedLevel";

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public Integer value() {
        return level;
    }

    @Override
    public String name() {
        return "MosMed category";
    }

    @Override
    public String reading() {
        return applicable ? category : null;
    }

    public static final String LABEL = "MosMedData category (CT-0 to CT-4) from whole-lung involvement";
    public static final String DEFINITION = "Involvement p = infected lung voxels (any class, both lungs, or the one"
            + " lung present) / lung voxels. CT-0 when there is no finding (see the finding flag), otherwise CT-1 when p < 25%, CT-2 when"
            + " 25% <= p < 50%, CT-3 when 50% <= p < 75%, CT-4 when p >= 75% (each lower bound inclusive, p compared"
            + " as an exact fraction of voxel counts). Not applicable to a single slice: one slice does not give the"
            + " whole-lung involvement.";

    /** The category level 0..4 for the finding flag and {@code infected} of {@code lung} voxels. */
    public static int level(boolean finding, long infected, long lung) {
        if (!finding) {
            return 0;
        }
        long p = 100 * infected;
        if (p < 25 * lung) {
            return 1;
        } else if (p < 50 * lung) {
            return 2;
        } else if (p < 75 * lung) {
            return 3;
        }
        return 4;
    }

    static MosmedCategory notApplicable(String reason) {
        return new MosmedCategory(LABEL, DEFINITION, false, reason, null, null, null);
    }

    static MosmedCategory of(boolean finding, long infected, long lung) {
        int level = level(finding, infected, lung);
        return new MosmedCategory(LABEL, DEFINITION, true, null, "CT-" + level, level,
                Amount.percent(infected, lung));
    }
}
