package org.covseg.report;

/**
 * A perceptually ordered colour scale for probabilities, black → purple → red → orange → pale yellow (the stops of
 * matplotlib's "inferno"), so low values stay dark and a green contour stands out everywhere.
 */
final class ProbabilityColours {

    private static final int[][] STOPS = {
        {0, 0, 4}, {87, 16, 110}, {188, 55, 84}, {249, 142, 9}, {252, 255, 164}};

    private ProbabilityColours() {
    }

    /** 0xRRGGBB of a probability in [0, 1] (clamped). */
    static int rgb(double probability) {
        double x = Math.min(1, Math.max(0, probability)) * (STOPS.length - 1);
        int i = Math.min((int) x, STOPS.length - 2);
        double f = x - i;
        int rgb = 0;
        for (int channel = 0; channel < 3; channel++) {
            double v = STOPS[i][channel] + f * (STOPS[i + 1][channel] - STOPS[i][channel]);
            rgb = (rgb << 8) | (int) Math.round(v);
        }
        return rgb;
    }
}
