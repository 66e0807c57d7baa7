/**
 * Lung segmentation of a chest CT, classical (not learned) and stage by stage, as lungmask and nnU-Net keep it apart
 * from what is measured on it: {@link org.covseg.lungs.LungSegmenter} finds both lungs (0 outside, 1 right, 2 left:
 * {@link org.covseg.lungs.LungSide}), each step its own small class ({@code HounsfieldUnits}, {@code BodyMask},
 * {@code Airways}, {@code LungComponents}, {@code JunctionCut}, {@code PleuralDipFill}, {@code InfectionUnion});
 * {@link org.covseg.lungs.LungMasks} is any source of such masks, {@link org.covseg.lungs.LungSides} labels the sides
 * of a binary lung mask someone else made, and {@link org.covseg.lungs.AeratedLung} and
 * {@link org.covseg.lungs.PartialVolumeLayer} drop from an infection mask what the HU say is aerated lung or the
 * partial volume of a surface. The scores in {@code org.covseg.severity} read its masks; it depends on none of them.
 */
package org.covseg.lungs;
