package org.covseg.evaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps the few worst and best cases by Dice at the threshold while pairs stream past, so only those maps stay in
 * memory. Ties go to the earlier case. A case is never both: the worst list fills first, and when there are fewer
 * cases than places the best list shows the rest.
 */
final class CaseSelection {

    private static final Comparator<Ranked> WORST_FIRST =
            Comparator.comparingDouble((Ranked r) -> r.item().dice()).thenComparingInt(Ranked::order);
    private static final Comparator<Ranked> BEST_FIRST =
            Comparator.comparingDouble((Ranked r) -> -r.item().dice()).thenComparingInt(Ranked::order);

    private final int worstCount;
    private final int bestCount;
    private final List<Ranked> worst = new ArrayList<>();
    private final List<Ranked> best = new ArrayList<>();
    private int seen;

    CaseSelection(int worstCount, int bestCount) {
        this.worstCount = worstCount;
        this.bestCount = bestCount;
    }

    void offer(GalleryCase item) {
        Ranked ranked = new Ranked(item, seen++);
        keep(worst, ranked, WORST_FIRST, worstCount);
        keep(best, ranked, BEST_FIRST, bestCount + worstCount);
    }

    /** Worst first. */
    List<GalleryCase> worst() {
        return worst.stream().map(Ranked::item).toList();
    }

    /**
     * Best first, without the cases in {@link #worst()}; since at most {@code worstCount} cases are excluded, the
     * {@code bestCount + worstCount} best kept always hold the answer.
     */
    List<GalleryCase> best() {
        return best.stream().filter(r -> !worst.contains(r)).limit(bestCount).map(Ranked::item).toList();
    }

    private static void keep(List<Ranked> kept, Ranked candidate, Comparator<Ranked> order, int size) {
        kept.add(candidate);
        kept.sort(order);
        if (kept.size() > size) {
            kept.remove(kept.size() - 1);
        }
    }

    private record Ranked(GalleryCase item, int order) {
    }
}
