/**
 * {@code covseg experiment}: a grid of training configurations compared under one validation protocol.
 * {@link org.covseg.experiment.ExperimentConfig} reads the grid from JSON (named cells of one
 * {@link org.covseg.experiment.Task} on one labeled dataset; format in docs/experiments.md), with the command line's
 * {@link org.covseg.experiment.Overrides}. {@link org.covseg.experiment.ExperimentRunner} trains every cell on every
 * fold of the protocol (k folds, a split file or given validation names) with the project's own training code
 * ({@code train}; {@code pretrain} blocks run once, {@code semi} blocks once per fold, and are shared by the cells
 * that name them), evaluates each fold as {@code covseg evaluate --model} does, and rewrites results.csv, results.md
 * and results.png (mean and standard deviation over the folds) after every fold. Re-running skips finished folds and
 * resumes an interrupted one; a cell whose recorded settings changed fails rather than mix results.
 */
package org.covseg.experiment;
