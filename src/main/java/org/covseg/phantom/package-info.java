/**
 * Synthetic chest CT with exact ground truth, for tests and {@code covseg demo}: {@link org.covseg.phantom.Phantom}
 * made from a {@link org.covseg.phantom.PhantomConfig}.
 *
 * <p>A source of CT volumes like the readers in {@code io}, not an image operation, so it sits beside {@code data}
 * rather than inside {@code image}; it depends on {@code image} only. Inside, each stage is its own small class:
 * {@code ChestAnatomy}/{@code AxialSection} (tissue at every point, built from {@code Ellipse}s), {@code VesselTree}
 * ({@code Tube}s), {@code LesionPlanter}/{@code Lesion}, {@code GaussianTexture}/{@code ValueNoise}/{@code SeparableBlur},
 * orchestrated by {@code PhantomGenerator}.
 */
package org.covseg.phantom;
