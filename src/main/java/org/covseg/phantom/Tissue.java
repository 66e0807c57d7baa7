package org.covseg.phantom;

/** The tissue classes the phantom's anatomy is drawn with, and their mean attenuation in Hounsfield units. */
enum Tissue {
    AIR(-1000),
    FAT(-100),
    MUSCLE(40),
    /** Ribs, sternum and the posterior elements of the vertebra. */
    BONE(800),
    CORTICAL_BONE(1000),
    CANCELLOUS_BONE(400),
    SPINAL_CANAL(20),
    MEDIASTINAL_FAT(-90),
    /** Pleura and connective tissue around the mediastinum, and the extrapleural tissue above the apex. */
    SOFT_TISSUE(30),
    HEART(45),
    BLOOD(50),
    AIRWAY(-1000),
    LIVER(60),
    /** Spleen and stomach under the left hemidiaphragm. */
    ABDOMEN(40),
    LUNG_RIGHT(-850),
    LUNG_LEFT(-850);

    private static final Tissue[] BY_CODE = values();

    final float hu;

    Tissue(float hu) {
        this.hu = hu;
    }

    byte code() {
        return (byte) ordinal();
    }

    static Tissue of(byte code) {
        return BY_CODE[code];
    }

    boolean isLung() {
        return this == LUNG_RIGHT || this == LUNG_LEFT;
    }

    /** Tissue of the chest wall that a lung touches across the costal pleura. */
    boolean isChestWall() {
        return this == MUSCLE || this == BONE;
    }

    static boolean isLung(byte code) {
        return code == LUNG_RIGHT.code() || code == LUNG_LEFT.code();
    }
}
