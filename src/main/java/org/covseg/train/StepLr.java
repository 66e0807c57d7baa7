package org.covseg.train;

/**
 * Step learning-rate schedule: {@code base · gamma^⌊epoch / every⌋}, computed from the epoch number (the official
 * code instead multiplies the current rate again every epoch after the first decay, compounding it — a bug).
 * With epochs numbered from 1 as in the official loop, base 1e-4, gamma 0.1, every 50: epochs 1–49 use 1e-4 and
 * epochs 50–99 use 1e-5. {@code every ≤ 0} keeps the rate constant.
 */
public record StepLr(double base, double gamma, int every) {

    public double at(int epoch) {
        return every <= 0 ? base : base * Math.pow(gamma, Math.floorDiv(epoch, every));
    }
}
