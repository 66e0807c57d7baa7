/**
 * Training-time augmentation of prepared slices, as pure operations on square float planes (no DJL): a
 * {@link org.covseg.data.augment.SlicePlanes} (grey image, mask, edge map) goes through an
 * {@link org.covseg.data.augment.Augmentation} drawn from a per-sample generator, so every sample's transform depends
 * only on (seed, epoch, slice index).
 */
package org.covseg.data.augment;
