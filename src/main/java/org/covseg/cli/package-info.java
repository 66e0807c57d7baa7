/**
 * The {@code covseg} command line (picocli): {@link org.covseg.cli.Main} parses it and hands over to one subcommand
 * per task ({@code demo}, {@code info}, {@code analyze}, {@code segment}, {@code evaluate}, {@code train},
 * {@code semi}, {@code pretrain}, {@code experiment}, {@code pseudo-label}, {@code augment-preview}, {@code bench},
 * {@code doctor}, {@code serve}). A command only wires: it turns its options into a request to the package that does
 * the work ({@code analysis}, {@code infer}, {@code evaluation}, {@code train}, {@code semi}, {@code serve}, ...)
 * and hands it over. Options shared by several commands are picocli mixins ({@code InferenceOptions},
 * {@code RecipeOptions}, {@code AugmentationOptions}). No other package depends on this one.
 * {@code covseg cohort} is not among its commands: it is {@link org.covseg.cohort.CohortMain}, in its own jar.
 */
package org.covseg.cli;
