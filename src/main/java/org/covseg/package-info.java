/**
 * covseg: COVID-19 lung infection segmentation and severity scoring of chest CT. This package holds only what every
 * other package shares: {@link org.covseg.CovsegException} (a user's mistake or an input covseg refuses, said in one
 * line), {@link org.covseg.CovsegVersion} and {@link org.covseg.Progress} (progress bars on stderr). The package map
 * and the data flow of {@code analyze} and {@code train} are in docs/architecture.md.
 */
package org.covseg;
