package org.covseg.train;

/**
 * The multi-class training loss. {@link #BCE} is the official one: a sigmoid per class and binary cross-entropy
 * against the one-hot targets, averaged over every element. Consolidation covers a small share of the pixels, so
 * that mean is ruled by background and ground-glass; {@link #BCE_DICE} adds the soft Dice loss of each lesion class
 * over the batch (the cross-entropy + Dice pairing nnU-Net trains with), which weighs each class by its own size.
 */
public enum ClassLoss {
    BCE,
    BCE_DICE
}
