/**
 * Reading and writing files: NIfTI-1 volumes ({@link org.covseg.io.NiftiReader}, {@link org.covseg.io.NiftiWriter},
 * results written back in the source file's voxel order and geometry); DICOM CT series through ImageJ
 * ({@link org.covseg.io.DicomSeriesReader}, with {@link org.covseg.io.DicomStudy} summarising a folder's series from
 * their headers and {@link org.covseg.io.SeriesChooser} choosing the one to analyse); 2-D images and label maps
 * ({@link org.covseg.io.SliceImageReader}, {@link org.covseg.io.SliceImageWriter}); safetensors weights
 * ({@link org.covseg.io.SafetensorsReader}, {@link org.covseg.io.SafetensorsWriter}); and files and folders written
 * so that an interrupted run leaves nothing that looks finished ({@link org.covseg.io.AtomicFiles},
 * {@link org.covseg.io.StagedFolder}). Readers give {@link org.covseg.image.Volume}s in the canonical orientation.
 * Of covseg it uses only {@code image}, and it holds no DJL types, so it stays independent of the network engine.
 */
package org.covseg.io;
