/**
 * Images and the operations on them. {@link org.covseg.image.Volume} is a CT volume (or a depth-1 slice) as float
 * voxels in the canonical orientation every reader converts to: i from the patient's right to left, j anterior to
 * posterior, k inferior to superior. Beside it are its geometry ({@link org.covseg.image.Affine},
 * {@link org.covseg.image.Reorientation}), what its values mean ({@link org.covseg.image.IntensityUnit},
 * {@link org.covseg.image.Window}), and the grid and mask operations the rest of covseg shares: connected components,
 * distance transforms, morphology, hole filling, marker flooding, mask boundaries and edge maps, and bilinear
 * resizing exactly as PyTorch's ({@link org.covseg.image.BilinearResize}). Of covseg it uses nothing but
 * {@code CovsegException}, and no network engine; most other packages build on it.
 */
package org.covseg.image;
