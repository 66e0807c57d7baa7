/**
 * The model format every part of covseg agrees on, like a MONAI bundle: a model is a folder with {@code model.json}
 * ({@link org.covseg.model.ModelSpec}: architecture, input size, normalisation, HU window, how it was trained and
 * validated, the SHA-256 of its weights) and a safetensors file of weights, read and written by
 * {@link org.covseg.model.ModelDir}; {@link org.covseg.model.DefaultModels} finds the shipped ones under
 * {@code models/}, and {@link org.covseg.model.NetworkInput} prepares slices the way a model's folder says.
 * Training writes model folders; inference, detection, evaluation and analysis read them.
 */
package org.covseg.model;
