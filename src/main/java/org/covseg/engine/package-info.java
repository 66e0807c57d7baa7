/**
 * The deep-learning engine as covseg runs it: {@link org.covseg.engine.Numerics} is the gate every network passes
 * (the engine self-check, its cached verdict, the numerics mode of this process), {@link org.covseg.engine.SelfCheck}
 * the check itself against a float64 reference, and {@link org.covseg.engine.FiniteOutputs} the guard that keeps
 * a NaN or infinite network output from becoming a number a user reads.
 */
package org.covseg.engine;
