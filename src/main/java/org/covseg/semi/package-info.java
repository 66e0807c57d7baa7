/**
 * Learning from unlabeled slices through pseudo labels. {@link org.covseg.semi.SemiSupervisedTraining} is
 * {@code covseg semi}, the Semi-Inf-Net procedure on a CPU budget: from a single-class model trained on the labeled
 * slices, each round pseudo-labels the next group of unlabeled slices ({@link org.covseg.semi.UnlabeledGroups},
 * {@link org.covseg.semi.PseudoLabel}) with the current network and fine-tunes on them; then the network is trained
 * on all pseudo labels and fine-tuned on the labeled slices. What a run does is fixed when it starts
 * ({@link org.covseg.semi.SemiPlan}, {@code plan.json}), so that a resumed run goes on with the same plan.
 * {@link org.covseg.semi.PseudoLabelDataset} ({@code covseg pseudo-label}) makes a multi-class or single-class
 * training folder from a teacher model's labels. The training loops are those of {@code train}; {@code experiment}
 * runs the procedure per fold.
 */
package org.covseg.semi;
