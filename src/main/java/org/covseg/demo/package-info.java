/**
 * {@code covseg demo}: {@link org.covseg.demo.PhantomDemo} runs covseg end to end on a synthetic chest CT with known
 * infection ({@code org.covseg.phantom}). It writes the phantom as a user's NIfTI scan would be, reads it back
 * ({@code data}), segments it with the infection model ({@code infer}), scores the result against the phantom's
 * truth ({@code evaluation}, written by {@code report}), analyses it as {@code covseg analyze} does
 * ({@code analysis}), and says which files to open; without an installed infection model it stops after reading
 * the phantom back. It only calls the packages that do the work; the {@code demo} command of {@code cli} calls it.
 */
package org.covseg.demo;
