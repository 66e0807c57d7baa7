package org.covseg.pretrain;

/** How the inpainter's input is erased. */
public enum MaskMode {
    /** Cells of 16x16 pixels chosen by the coach network, after a first round of random cells. */
    COACH,
    /** Cells of 16x16 pixels chosen uniformly at random. */
    RANDOM,
    /** One random rectangle. */
    CUTOUT
}
