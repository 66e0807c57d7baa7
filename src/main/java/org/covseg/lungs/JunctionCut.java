package org.covseg.lungs;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.covseg.image.Voxels;

/**
 * Redraws, slice by slice, the border between two lungs that touch (at the anterior or posterior junction) as
 * the cheapest path down the rows where they meet: each row of the contact is cut at one column, moving at most
 * one column from row to row, at a cost that is low on dense pixels (the pleural junction line, brighter than
 * lung) and grows with the distance from the body's midline. With no junction line to see, the cut follows the
 * midline; the watershed of {@link LungComponents} only decides which lung is which, not where the line runs.
 * Each lung pixel of a row's run across the cut is relabelled by the side of the cut it lies on.
 */
final class JunctionCut {

    /** Pixels at least this dense cost nothing to cut through; lung costs in proportion to how much darker it is. */
    private static final float FREE_HU = -200;
    private static final double HU_PER_COST = 100;
    /** Cutting outside the lungs cuts nothing: the path keeps to the run of lung where they meet. */
    private static final double OFF_LUNG_COST = 50;
    /** Cost of each mm between the cut and the midline, per row. */
    private static final double COST_PER_MM_OFF_MIDLINE = 0.1;
    /** The cut never strays farther than this fraction of the body's width from the midline. */
    private static final double MAX_OFF_MIDLINE = 0.15;

    private JunctionCut() {
    }

    static void apply(byte[] lungs, Voxels hu, boolean[] body, ScanGrid g) {
        IntStream.range(0, g.depth()).parallel().forEach(k -> cutSlice(lungs, hu, body, g, k));
    }

    private static void cutSlice(byte[] lungs, Voxels hu, boolean[] body, ScanGrid g, int k) {
        int w = g.width();
        int base = k * g.sliceSize();
        boolean[] contactRow = new boolean[g.height()];
        boolean any = false;
        for (int j = 0; j < g.height(); j++) {
            for (int i = 0; i < w; i++) {
                int p = base + j * w + i;
                if (lungs[p] == LungSegmenter.RIGHT && touchesLeft(lungs, p, i, j, g)) {
                    contactRow[j] = true;
                    any = true;
                }
            }
        }
        if (!any) {
            return;
        }
        BodyCentre centre = BodyCentre.ofSlice(body, g, k);
        int j = 0;
        while (j < g.height()) {
            if (!contactRow[j]) {
                j++;
                continue;
            }
            int first = j;
            while (j < g.height() && contactRow[j]) {
                j++;
            }
            cutRows(lungs, hu, g, base, first, j - 1, centre);
        }
    }

    private static boolean touchesLeft(byte[] lungs, int p, int i, int j, ScanGrid g) {
        int w = g.width();
        return i > 0 && lungs[p - 1] == LungSegmenter.LEFT || i < w - 1 && lungs[p + 1] == LungSegmenter.LEFT
                || j > 0 && lungs[p - w] == LungSegmenter.LEFT
                || j < g.height() - 1 && lungs[p + w] == LungSegmenter.LEFT;
    }

    /** The cheapest cut through rows first..last (dynamic programming), then the relabelling along it. */
    private static void cutRows(byte[] lungs, Voxels hu, ScanGrid g, int base, int first, int last,
            BodyCentre centre) {
        int w = g.width();
        int lo = Math.max(0, (int) Math.floor(centre.i() - MAX_OFF_MIDLINE * centre.width()));
        int hi = Math.min(w - 1, (int) Math.ceil(centre.i() + MAX_OFF_MIDLINE * centre.width()));
        int columns = hi - lo + 1;
        int rows = last - first + 1;
        double[][] total = new double[rows][columns];
        int[][] from = new int[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int p = base + (first + r) * w + lo + c;
                double cost = (lungs[p] == 0 ? OFF_LUNG_COST : Math.max(0, FREE_HU - hu.at(p)) / HU_PER_COST)
                        + COST_PER_MM_OFF_MIDLINE * Math.abs(lo + c - 0.5 - centre.i()) * g.spacing()[0];
                if (r == 0) {
                    total[r][c] = cost;
                    continue;
                }
                total[r][c] = Double.POSITIVE_INFINITY;
                for (int d = -1; d <= 1; d++) {
                    int before = c + d;
                    if (before >= 0 && before < columns && total[r - 1][before] + cost < total[r][c]) {
                        total[r][c] = total[r - 1][before] + cost;
                        from[r][c] = before;
                    }
                }
            }
        }
        int c = 0;
        for (int x = 1; x < columns; x++) {
            if (total[rows - 1][x] < total[rows - 1][c]) {
                c = x;
            }
        }
        int[] cut = new int[rows];
        for (int r = rows - 1; r >= 0; r--) {
            cut[r] = lo + c;
            c = from[r][c];
        }
        for (int r = 0; r < rows; r++) {
            relabelRun(lungs, base + (first + r) * w, w, cut[r]);
        }
    }

    /** Relabels the run of lung pixels through (or beside) the cut column of one row, split at that column. */
    private static void relabelRun(byte[] lungs, int rowStart, int w, int cut) {
        int start = cut;
        while (start > 0 && lungs[rowStart + start - 1] != 0) {
            start--;
        }
        int end = cut;
        while (end < w - 1 && lungs[rowStart + end + 1] != 0) {
            end++;
        }
        if (lungs[rowStart + cut] == 0 || !holdsBoth(lungs, rowStart, start, end)) {
            return;
        }
        Arrays.fill(lungs, rowStart + start, rowStart + cut, LungSegmenter.RIGHT);
        Arrays.fill(lungs, rowStart + cut, rowStart + end + 1, LungSegmenter.LEFT);
    }

    private static boolean holdsBoth(byte[] lungs, int rowStart, int start, int end) {
        boolean right = false;
        boolean left = false;
        for (int i = start; i <= end; i++) {
            right |= lungs[rowStart + i] == LungSegmenter.RIGHT;
            left |= lungs[rowStart + i] == LungSegmenter.LEFT;
        }
        return right && left;
    }
}
