/**
 * Running segmentation models on slices. {@link org.covseg.infer.InfectionSegmenter} runs a single-class infection
 * model of any {@link org.covseg.nn.SegmentationArchitecture}, and {@link org.covseg.infer.MulticlassSegmenter} a
 * multi-class model after its prior infection model ({@link org.covseg.infer.MulticlassInput}); both open a model
 * folder ({@code model}) on a manager from the {@code engine} gate, check that the network's output is finite, and
 * return probability maps at each slice's own size (logits resized, then the sigmoid, as the official test script
 * does). An infection model folder may be an ensemble whose maps are the mean of its members'. {@code segment} and
 * {@code evaluate} run the networks where {@code analyze} does ({@link org.covseg.infer.NetworkBoxes}): on each
 * slice's lung box ({@link org.covseg.infer.LungBoxes}), or on the whole of an image cropped to the lungs, through
 * {@link org.covseg.infer.OnBoxes}. {@link org.covseg.infer.SegmentationJob} is {@code covseg segment}, writing the
 * maps with {@link org.covseg.infer.SegmentationWriter} in the input's own pixel order or voxel order and geometry.
 * The analysis pipeline, evaluation, training and the demo run the segmenters too.
 */
package org.covseg.infer;
