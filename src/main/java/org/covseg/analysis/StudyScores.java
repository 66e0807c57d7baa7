package org.covseg.analysis;

import java.util.ArrayList;
import java.util.List;
import org.covseg.CovsegException;
import org.covseg.data.Scan;
import org.covseg.report.SliceResult;
import org.covseg.severity.InfectionLabels;
import org.covseg.severity.SeverityInput;
import org.covseg.severity.SeverityReport;
import org.covseg.severity.SeverityScorer;

/**
 * The scoring stage of an analysis: the severity of the study and the amounts of each slice; for a folder of images,
 * each image scored on its own instead.
 *
 * @param severity the study's severity; null for a folder of images
 * @param slices   per axial slice (or image) its lung and infection amounts
 */
record StudyScores(SeverityReport severity, List<SliceResult> slices) {

    StudyScores {
        slices = List.copyOf(slices);
    }

    static StudyScores of(Scan scan, List<StudyGrid> grids, boolean spacingKnown, InfectionLabels labels,
            SeverityScorer scorer) {
        List<SliceResult> slices = new ArrayList<>();
        if (scan.isImageFolder()) {
            for (int s = 0; s < grids.size(); s++) {
                slices.add(image(scan, s, grids.get(s), new SeverityInput(grids.get(s).lungs(),
                        grids.get(s).infection(), labels, spacingKnown), scorer));
            }
            return new StudyScores(null, slices);
        }
        StudyGrid g = grids.get(0);
        SeverityInput in = new SeverityInput(g.lungs(), g.infection(), labels, spacingKnown);
        for (int k = 0; k < g.ct().depth(); k++) {
            slices.add(amounts(k, scan.isVolume() ? "slice " + k : scan.name(), g, k, in, null, null));
        }
        return new StudyScores(scorer.score(in), slices);
    }

    private static SliceResult image(Scan scan, int s, StudyGrid g, SeverityInput in, SeverityScorer scorer) {
        String name = scan.imageName(s);
        try {
            return amounts(s, name, g, 0, in, scorer.score(in), null);
        } catch (CovsegException e) {
            return amounts(s, name, g, 0, in, null, e.getMessage());
        }
    }

    private static SliceResult amounts(int index, String name, StudyGrid g, int k, SeverityInput in,
            SeverityReport severity, String notScored) {
        float[] lungs = g.lungs().sliceArray(k);
        float[] infection = g.infection().sliceArray(k);
        long lung = 0;
        long[] byLabel = new long[3];
        for (int p = 0; p < lungs.length; p++) {
            if (lungs[p] != 0) {
                lung++;
                byLabel[infection[p] == 0 ? 0 : infection[p] == 1 ? 1 : 2]++;
            }
        }
        long infected = byLabel[1] + byLabel[2];
        double perVoxel = in.amountPerVoxel();
        Double percent = lung == 0 ? null : 100.0 * infected / lung;
        boolean classes = in.infectionLabels() == InfectionLabels.GROUND_GLASS_AND_CONSOLIDATION;
        return new SliceResult(index, name, in.unit().symbol(), lung * perVoxel, infected * perVoxel, percent,
                classes ? byLabel[1] * perVoxel : null, classes ? byLabel[2] * perVoxel : null, severity, notScored);
    }
}
