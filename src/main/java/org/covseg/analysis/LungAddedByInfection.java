package org.covseg.analysis;

import org.covseg.image.Volume;
import org.covseg.lungs.LungSide;
import org.covseg.report.MaskOrigins;

/**
 * How much of covseg's lungs only the infection mask put there: lesions outside the lungs found on the CT that touch
 * a lung are added to it, so that dense pleural lesions count as lung; a false positive of the network against a
 * lung is added the same way. Counted per side over a study's grids, as voxels that are lung when the infection
 * mask is used and not without it.
 */
final class LungAddedByInfection {

    private final long[] added = new long[3];
    private final long[] lung = new long[3];
    private long infected;
    private long infectedAdded;

    /**
     * Counts one grid from its lungs found with the infection mask and without it, and the infection mask; slice by
     * slice, as three float copies of a large study's masks would take 1.7 GB at once.
     */
    void count(Volume withInfection, Volume without, Volume infection) {
        int plane = withInfection.width() * withInfection.height();
        float[] with = new float[plane];
        float[] plain = new float[plane];
        float[] lesion = new float[plane];
        for (int k = 0; k < withInfection.depth(); k++) {
            withInfection.readSlice(k, with);
            without.readSlice(k, plain);
            infection.readSlice(k, lesion);
            for (int p = 0; p < plane; p++) {
                int side = (int) with[p];
                if (side != 0) {
                    boolean wasAdded = plain[p] == 0;
                    lung[side]++;
                    added[side] += wasAdded ? 1 : 0;
                    if (lesion[p] != 0) {
                        infected++;
                        infectedAdded += wasAdded ? 1 : 0;
                    }
                }
            }
        }
    }

    /** The share of that lung's voxels that the infection mask added, in percent (0 for an empty lung). */
    double lungPercent(LungSide side) {
        int s = side.label();
        return lung[s] == 0 ? 0 : 100.0 * added[s] / lung[s];
    }

    /** The share of the infection inside the lungs that lies in what it added, in percent (0 without infection). */
    double infectionPercent() {
        return infected == 0 ? 0 : 100.0 * infectedAdded / infected;
    }

    /** The shares as the report words them. */
    MaskOrigins.AddedLung facts() {
        return new MaskOrigins.AddedLung(lungPercent(LungSide.RIGHT), lungPercent(LungSide.LEFT), infectionPercent());
    }
}
