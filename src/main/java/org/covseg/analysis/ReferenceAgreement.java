package org.covseg.analysis;

import java.util.ArrayList;
import java.util.List;
import org.covseg.image.Volume;
import org.covseg.metrics.Confusion;
import org.covseg.metrics.HausdorffDistance;
import org.covseg.metrics.Overlap;
import org.covseg.metrics.PixelSpacing;
import org.covseg.report.Agreement;
import org.covseg.report.Agreement.RegionAgreement;
import org.covseg.report.ScoreSummary;
import org.covseg.severity.InfectionLabels;
import org.covseg.severity.SeverityInput;
import org.covseg.severity.SeverityReport;
import org.covseg.severity.SeverityScorer;

/**
 * Compares the infection mask an analysis scored with a reference infection mask, over the whole scan and over
 * each lung of the same lung mask, for any infection and, when both masks have classes, for ground-glass opacity
 * and consolidation apart (see {@link Agreement#DEFINITION}).
 */
final class ReferenceAgreement {

    private static final String[] REGIONS = {"whole scan", "right lung", "left lung"};
    private static final String[] CLASSES = {"any", "ground-glass opacity", "consolidation"};

    private ReferenceAgreement() {
    }

    /**
     * @param analysed          what the analysis scored
     * @param analysedSeverity  its scores
     * @param reference         the reference infection mask with the same lung mask
     */
    static Agreement of(SeverityInput analysed, SeverityReport analysedSeverity, SeverityInput reference,
            SeverityScorer scorer) {
        boolean classes = analysed.infectionLabels() == InfectionLabels.GROUND_GLASS_AND_CONSOLIDATION
                && reference.infectionLabels() == InfectionLabels.GROUND_GLASS_AND_CONSOLIDATION;
        Volume lungs = analysed.lungMask();
        Volume a = analysed.infectionMask();
        Volume r = reference.infectionMask();
        double perVoxel = analysed.amountPerVoxel();
        List<RegionAgreement> rows = new ArrayList<>();
        for (int region = 0; region < REGIONS.length; region++) {
            for (int c = 0; c < (classes ? CLASSES.length : 1); c++) {
                boolean[] inA = select(a, lungs, region, c);
                boolean[] inR = select(r, lungs, region, c);
                Confusion confusion = Confusion.of(inA, inR);
                Overlap overlap = Overlap.of(confusion);
                long na = confusion.predictedPositives();
                long nr = confusion.actualPositives();
                double hd = hausdorff95(inA, inR, analysed);
                rows.add(new RegionAgreement(REGIONS[region], CLASSES[c], overlap.dice(), overlap.iou(),
                        na * perVoxel, nr * perVoxel, (na - nr) * perVoxel, nr == 0 ? null : 100.0 * (na - nr) / nr,
                        Double.isNaN(hd) ? null : hd));
            }
        }
        ScoreSummary mine = ScoreSummary.of(analysedSeverity);
        ScoreSummary theirs = ScoreSummary.of(scorer.score(reference));
        return new Agreement(analysed.unit().symbol(), analysed.spacingKnown() ? "mm" : "pixels", rows,
                classes ? null : notCompared(analysed, reference),
                new Agreement.ScoreComparison(mine, theirs, mine.minus(theirs)));
    }

    /**
     * Voxels of {@code infection} in class c (0 any) inside region (0 everywhere, else that lung label), read slice
     * by slice: a large study's masks are not copied whole.
     */
    private static boolean[] select(Volume infection, Volume lungs, int region, int c) {
        int n = lungs.width() * lungs.height();
        float[] infectionSlice = new float[n];
        float[] lungSlice = new float[n];
        boolean[] out = new boolean[Math.toIntExact(lungs.voxelCount())];
        for (int k = 0; k < lungs.depth(); k++) {
            infection.readSlice(k, infectionSlice);
            lungs.readSlice(k, lungSlice);
            for (int q = 0; q < n; q++) {
                float value = infectionSlice[q];
                out[k * n + q] = (region == 0 || lungSlice[q] == region) && (c == 0 ? value != 0 : value == c);
            }
        }
        return out;
    }

    private static double hausdorff95(boolean[] a, boolean[] b, SeverityInput in) {
        Volume grid = in.lungMask();
        double[] s = grid.spacing();
        if (grid.depth() > 1) {
            return HausdorffDistance.percentile95(a, b, grid.width(), grid.height(), grid.depth(), s);
        }
        PixelSpacing spacing = in.spacingKnown() ? new PixelSpacing(s[0], s[1]) : PixelSpacing.UNIT;
        return HausdorffDistance.percentile95(a, b, grid.width(), grid.height(), spacing);
    }

    private static String notCompared(SeverityInput analysed, SeverityInput reference) {
        if (reference.infectionLabels() == InfectionLabels.BINARY) {
            return "the reference mask is read as binary (--reference-labels binary), so only infection of any"
                    + " class is compared";
        }
        return "the analysed infection mask has no classes (binary: covseg's single-class model or a binary"
                + " --infection-mask), so only infection of any class is compared";
    }
}
