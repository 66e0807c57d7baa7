package org.covseg.phantom;

import java.util.ArrayList;
import java.util.List;

/**
 * The anatomy of one axial level: the shapes that cut the slice and the tissue at any in-plane point.
 * Positions are in the phantom's mm (x toward the patient's left, y toward posterior), written as "standard"
 * mm times the anatomy's scale.
 */
final class AxialSection {

    /** Above this level the lungs narrow toward the apex. */
    private static final double APEX_START = 0.55;
    private static final double RIBS_PER_HALF_TURN = 6;
    /** How many rib spacings the rib pattern moves from the lung bases to the apices (ribs slope downward). */
    private static final double RIB_TURNS_ALONG_LUNG = 11;
    private static final double RIB_DUTY = 0.42;
    private static final double BRONCHUS_LEVELS = 0.12;
    /** Pleura and connective tissue between the lungs and the mediastinum. */
    private static final double PLEURAL_GAP_MM = 1.5;

    private final Ellipse body;
    private final Ellipse bodyInner;
    private final Ellipse cavity;
    private final Ellipse ribsInner;
    private final Ellipse ribsOuter;
    private final Ellipse sternum;
    private final double rightRibPhase;
    private final double leftRibPhase;

    private final Ellipse vertebralBody;
    private final Ellipse vertebralMarrow;
    private final Ellipse canal;
    private final Ellipse[] posteriorElements;

    private final Ellipse[] mediastinum;
    private final Tissue[] mediastinumTissue;
    /** The mediastinal parts grown by the pleural gap: lung never enters them. */
    private final Ellipse[] mediastinumWithGap;

    private final Ellipse rightDome;
    private final Ellipse leftDome;
    private final Ellipse rightDiaphragm;
    private final Ellipse leftDiaphragm;
    private final Ellipse rightLungEnvelope;
    private final Ellipse leftLungEnvelope;

    AxialSection(ChestAnatomy a, double t) {
        double s = a.scale();
        body = a.body();
        bodyInner = body.grown(-12 * s);
        double narrowing = Ramp.smoothstep(0.4, 1.1, t);
        Ellipse base = a.cavity();
        cavity = Ellipse.of(base.cx(), base.cy(), base.rx() * (1 - 0.25 * narrowing), base.ry() * (1 - 0.08 * narrowing));
        ribsInner = cavity.grown(1.5 * s);
        ribsOuter = cavity.grown(9.5 * s);
        sternum = t > 0.3 && t < 0.92 ? Ellipse.of(0, cavity.cy() - cavity.ry() - 6 * s, 14 * s, 5 * s) : Ellipse.NONE;
        rightRibPhase = a.rightRibPhase() + t * RIB_TURNS_ALONG_LUNG;
        leftRibPhase = a.leftRibPhase() + t * RIB_TURNS_ALONG_LUNG;

        double vertebraY = base.cy() + base.ry() - 16 * s;
        vertebralBody = Ellipse.circle(0, vertebraY, 16 * s);
        vertebralMarrow = vertebralBody.grown(-2.5 * s);
        canal = Ellipse.circle(0, vertebraY + 24 * s, 8 * s);
        posteriorElements = new Ellipse[] {
            canal.grown(4 * s),
            Ellipse.of(0, vertebraY + 44 * s, 4 * s, 10 * s),
            Ellipse.rotated(-17 * s, vertebraY + 22 * s, 12 * s, 4.5 * s, 20),
            Ellipse.rotated(17 * s, vertebraY + 22 * s, 12 * s, 4.5 * s, -20)};

        Mediastinum m = new Mediastinum(a, t, vertebraY);
        mediastinum = m.parts.toArray(new Ellipse[0]);
        mediastinumTissue = m.tissues.toArray(new Tissue[0]);
        mediastinumWithGap = new Ellipse[mediastinum.length];
        for (int p = 0; p < mediastinum.length; p++) {
            mediastinumWithGap[p] = mediastinum[p].grown(PLEURAL_GAP_MM * s);
        }

        rightDome = a.rightDome().scaled(domeScale(t, a.rightDomeTop()));
        leftDome = a.leftDome().scaled(domeScale(t, a.leftDomeTop()));
        rightDiaphragm = rightDome.grown(4 * s);
        leftDiaphragm = leftDome.grown(4 * s);

        double apex = t <= APEX_START ? 1 : Math.sqrt(Math.max(0, 1 - square((t - APEX_START) / (1 - APEX_START))));
        boolean lungLevel = t > 0 && t < 1;
        rightLungEnvelope = lungLevel ? Ellipse.of(-60 * s, 5 * s, 140 * s, 150 * s).scaled(apex) : Ellipse.NONE;
        leftLungEnvelope = lungLevel ? Ellipse.of(60 * s, 5 * s, 140 * s, 150 * s).scaled(apex) : Ellipse.NONE;
    }

    /** The tissue at (x, y) mm. */
    Tissue classify(double x, double y) {
        if (!body.contains(x, y)) {
            return Tissue.AIR;
        }
        if (!bodyInner.contains(x, y)) {
            return Tissue.FAT;
        }
        Tissue spine = spineAt(x, y);
        if (spine != null) {
            return spine;
        }
        if (!cavity.contains(x, y)) {
            return chestWallAt(x, y);
        }
        for (int p = 0; p < mediastinum.length; p++) {
            if (mediastinum[p].contains(x, y)) {
                return mediastinumTissue[p];
            }
        }
        if (rightDome.contains(x, y)) {
            return Tissue.LIVER;
        }
        if (leftDome.contains(x, y)) {
            return Tissue.ABDOMEN;
        }
        if (rightDiaphragm.contains(x, y) || leftDiaphragm.contains(x, y)) {
            return Tissue.MUSCLE;
        }
        for (Ellipse gap : mediastinumWithGap) {
            if (gap.contains(x, y)) {
                return Tissue.SOFT_TISSUE;
            }
        }
        if (x < 0) {
            return rightLungEnvelope.contains(x, y) ? Tissue.LUNG_RIGHT : Tissue.SOFT_TISSUE;
        }
        return leftLungEnvelope.contains(x, y) ? Tissue.LUNG_LEFT : Tissue.SOFT_TISSUE;
    }

    /** The vertebra's tissue at (x, y), or null where there is no vertebra. */
    private Tissue spineAt(double x, double y) {
        if (canal.contains(x, y)) {
            return Tissue.SPINAL_CANAL;
        }
        if (vertebralBody.contains(x, y)) {
            return vertebralMarrow.contains(x, y) ? Tissue.CANCELLOUS_BONE : Tissue.CORTICAL_BONE;
        }
        for (Ellipse e : posteriorElements) {
            if (e.contains(x, y)) {
                return Tissue.BONE;
            }
        }
        return null;
    }

    private Tissue chestWallAt(double x, double y) {
        if (sternum.contains(x, y)) {
            return Tissue.BONE;
        }
        if (ribsOuter.contains(x, y) && !ribsInner.contains(x, y) && onRib(x, y)) {
            return Tissue.BONE;
        }
        return Tissue.MUSCLE;
    }

    /** Ribs cut the slice as ring segments; their pattern turns with the level because ribs slope. */
    private boolean onRib(double x, double y) {
        double turn = Math.atan2(Math.abs(x), y - cavity.cy()) / Math.PI; // 0 posterior, 1 anterior
        if (turn < 0.14 || turn > 0.86) {
            return false;
        }
        double f = turn * RIBS_PER_HALF_TURN + (x < 0 ? rightRibPhase : leftRibPhase);
        return f - Math.floor(f) < RIB_DUTY;
    }

    /** Scale of a diaphragm dome's cross-section: a half ellipsoid from below the lung bases up to its top. */
    private static double domeScale(double t, double top) {
        double floor = -0.06;
        if (t >= top) {
            return 0;
        }
        return t <= floor ? 1 : Math.sqrt(1 - square((t - floor) / (top - floor)));
    }

    private static double square(double v) {
        return v * v;
    }

    /** The mediastinal parts at one level, in priority order (the first that contains a point names its tissue). */
    private static final class Mediastinum {
        final List<Ellipse> parts = new ArrayList<>();
        final List<Tissue> tissues = new ArrayList<>();

        Mediastinum(ChestAnatomy a, double t, double vertebraY) {
            double s = a.scale();
            double carina = a.carinaLevel();
            if (t >= carina) {
                airway(Ellipse.circle(0, 14 * s, 8 * s), s);
            } else if (t > carina - BRONCHUS_LEVELS) {
                double f = (carina - t) / BRONCHUS_LEVELS; // 0 at the carina, 1 where the bronchi enter the lungs
                airway(Ellipse.circle(-(6 + 28 * f) * s, (14 + 8 * f) * s, 7 * s), s);
                airway(Ellipse.circle((6 + 34 * f) * s, (14 + 10 * f) * s, 6 * s), s);
            }
            add(Ellipse.circle(-5 * s, vertebraY - 25 * s, 7 * s), Tissue.MUSCLE); // oesophagus
            if (t < 0.8) {
                add(Ellipse.circle(21 * s, vertebraY - 20 * s, 12 * s), Tissue.BLOOD); // descending aorta
            }
            if (t > 0.76 && t < 0.84) {
                add(Ellipse.rotated(14 * s, 8 * s, 34 * s, 11 * s, 70), Tissue.BLOOD); // aortic arch
            }
            if (t > 0.5 && t < 0.8) {
                add(Ellipse.circle(-6 * s, -14 * s, 15 * s), Tissue.BLOOD); // ascending aorta
            }
            if (t > 0.5 && t < 0.86) {
                add(Ellipse.circle(-28 * s, -10 * s, 10 * s), Tissue.BLOOD); // superior vena cava
            }
            if (t > 0.38 && t < 0.6) {
                double r = 14 * s * Math.sin(Math.PI * (t - 0.38) / 0.22);
                add(Ellipse.circle(-38 * s, 2 * s, r), Tissue.BLOOD); // hilar vessels
                add(Ellipse.circle(38 * s, 2 * s, r), Tissue.BLOOD);
            }
            double h = (t - a.heartLevel()) / a.heartHalfHeight();
            if (Math.abs(h) < 1) {
                Ellipse heart = a.heart().scaled(Math.sqrt(1 - h * h));
                add(heart, Tissue.HEART);
                add(heart.grown(3 * s), Tissue.MEDIASTINAL_FAT); // pericardial fat
            }
            add(Ellipse.of(0, 12 * s, (t >= APEX_START ? 30 : 28) * s, 52 * s), Tissue.MEDIASTINAL_FAT);
            if (!a.touchingLungs()) {
                add(Ellipse.of(0, -60 * s, 1 * s, 45 * s), Tissue.MEDIASTINAL_FAT); // anterior junction
            }
        }

        private void airway(Ellipse lumen, double s) {
            add(lumen, Tissue.AIRWAY);
            add(lumen.grown(2.5 * s), Tissue.SOFT_TISSUE);
        }

        private void add(Ellipse e, Tissue tissue) {
            parts.add(e);
            tissues.add(tissue);
        }
    }
}
