package org.covseg.severity;

import org.covseg.lungs.LungSide;

/**
 * The 20 regions of the CT severity score, ten per lung, each standing in for one bronchopulmonary segment
 * (left apicoposterior and anteromedial basal segments split in two, as in Yang et al. 2020). They are geometric
 * regions of {@link LungPartition}, not anatomical segments; {@link #geometry()} says where each one lies in terms
 * of the relative positions fk, fj, fm defined there.
 */
public enum LungRegion {
    RIGHT_APICAL(Lobe.RIGHT_UPPER, "apical", "S1", Geometry.APICAL),
    RIGHT_POSTERIOR(Lobe.RIGHT_UPPER, "posterior", "S2", Geometry.POSTERIOR),
    RIGHT_ANTERIOR(Lobe.RIGHT_UPPER, "anterior", "S3", Geometry.ANTERIOR),
    RIGHT_LATERAL_MIDDLE(Lobe.RIGHT_MIDDLE, "middle lobe, lateral", "S4",
            "1/3 <= fk < 2/3, fj < 1/2, fm < 1/2"),
    RIGHT_MEDIAL_MIDDLE(Lobe.RIGHT_MIDDLE, "middle lobe, medial", "S5",
            "1/3 <= fk < 2/3, fj < 1/2, fm >= 1/2"),
    RIGHT_SUPERIOR_LOWER(Lobe.RIGHT_LOWER, "lower lobe, superior", "S6", Geometry.SUPERIOR_LOWER),
    RIGHT_MEDIAL_BASAL(Lobe.RIGHT_LOWER, "medial basal", "S7", Geometry.ANTEROMEDIAL_BASAL),
    RIGHT_ANTERIOR_BASAL(Lobe.RIGHT_LOWER, "anterior basal", "S8", Geometry.ANTEROLATERAL_BASAL),
    RIGHT_LATERAL_BASAL(Lobe.RIGHT_LOWER, "lateral basal", "S9", Geometry.POSTEROLATERAL_BASAL),
    RIGHT_POSTERIOR_BASAL(Lobe.RIGHT_LOWER, "posterior basal", "S10", Geometry.POSTEROMEDIAL_BASAL),
    LEFT_APICAL(Lobe.LEFT_UPPER, "apical", "apical part of S1+2", Geometry.APICAL),
    LEFT_POSTERIOR(Lobe.LEFT_UPPER, "posterior", "posterior part of S1+2", Geometry.POSTERIOR),
    LEFT_ANTERIOR(Lobe.LEFT_UPPER, "anterior", "S3", Geometry.ANTERIOR),
    LEFT_SUPERIOR_LINGULAR(Lobe.LEFT_UPPER, "superior lingular", "S4", "1/2 <= fk < 2/3, fj < 1/2"),
    LEFT_INFERIOR_LINGULAR(Lobe.LEFT_UPPER, "inferior lingular", "S5", "1/3 <= fk < 1/2, fj < 1/2"),
    LEFT_SUPERIOR_LOWER(Lobe.LEFT_LOWER, "lower lobe, superior", "S6", Geometry.SUPERIOR_LOWER),
    LEFT_MEDIAL_BASAL(Lobe.LEFT_LOWER, "medial basal", "medial part of S7+8", Geometry.ANTEROMEDIAL_BASAL),
    LEFT_ANTERIOR_BASAL(Lobe.LEFT_LOWER, "anterior basal", "anterior part of S7+8", Geometry.ANTEROLATERAL_BASAL),
    LEFT_LATERAL_BASAL(Lobe.LEFT_LOWER, "lateral basal", "S9", Geometry.POSTEROLATERAL_BASAL),
    LEFT_POSTERIOR_BASAL(Lobe.LEFT_LOWER, "posterior basal", "S10", Geometry.POSTEROMEDIAL_BASAL);

    /** Regions per lung. */
    public static final int PER_LUNG = 10;

    private final Lobe lobe;
    private final String name;
    private final String standsFor;
    private final String geometry;

    LungRegion(Lobe lobe, String name, String standsFor, String geometry) {
        this.lobe = lobe;
        this.name = name;
        this.standsFor = standsFor;
        this.geometry = geometry;
    }

    /** {@link #values()} once: it copies the array on every call, and {@link #at} is asked for every lung voxel. */
    private static final LungRegion[] ALL = values();

    /** The region at {@code position} 0..9 of a lung: the same position in both lungs is the mirrored place. */
    static LungRegion at(LungSide side, int position) {
        return ALL[(side == LungSide.RIGHT ? 0 : PER_LUNG) + position];
    }

    public LungSide side() {
        return lobe.side();
    }

    public Lobe lobe() {
        return lobe;
    }

    /** E.g. "right lung, apical (stands for S1)". */
    public String description() {
        return side().displayName() + ", " + name + " (stands for " + standsFor + ")";
    }

    /** Where the region lies, as conditions on the relative positions of {@link LungPartition}. */
    public String geometry() {
        return geometry;
    }

    private static final class Geometry {
        static final String APICAL = "fk >= 5/6";
        static final String POSTERIOR = "2/3 <= fk < 5/6, fj >= 1/2";
        static final String ANTERIOR = "2/3 <= fk < 5/6, fj < 1/2";
        static final String SUPERIOR_LOWER = "1/3 <= fk < 2/3, fj >= 1/2";
        static final String ANTEROMEDIAL_BASAL = "fk < 1/3, fj < 1/2, fm >= 1/2";
        static final String ANTEROLATERAL_BASAL = "fk < 1/3, fj < 1/2, fm < 1/2";
        static final String POSTEROLATERAL_BASAL = "fk < 1/3, fj >= 1/2, fm < 1/2";
        static final String POSTEROMEDIAL_BASAL = "fk < 1/3, fj >= 1/2, fm >= 1/2";
    }
}
