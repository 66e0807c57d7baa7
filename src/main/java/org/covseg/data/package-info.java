/**
 * What covseg reads as input, built on the file readers of {@code io}: a user's study for analysis, and datasets of
 * slices for learning. {@link org.covseg.data.Scans} opens any CT input a user names as a
 * {@link org.covseg.data.Scan} (a NIfTI file, a 2-D image, a folder of images, a DICOM folder), each format read by
 * its {@code ScanReader}; {@code ScanReaders} is the one place that knows the formats, so a new input format is one
 * more reader and its line there. {@link org.covseg.data.Studies} tells one study from a folder of studies, and 2-D
 * images that do not look lung-windowed get a note ({@link org.covseg.data.SliceWindowCheck}) or are re-windowed
 * ({@link org.covseg.data.SliceRewindow}). For learning, {@link org.covseg.data.Datasets} opens a dataset folder by
 * its {@link org.covseg.data.Layout} (COVID-SemiSeg, MedSeg, UCSD COVID-CT, plain folders) as a lazily read
 * {@link org.covseg.data.SliceDataset}, and {@link org.covseg.data.Splits} makes deterministic train/validation
 * splits and k folds ({@code split.json}); training-time augmentation is in {@code org.covseg.data.augment}.
 * Of covseg it uses only {@code io} and {@code image}; no network engine.
 */
package org.covseg.data;
