package org.covseg.semi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * The order in which the unlabeled slices are pseudo-labelled: a seeded shuffle of their names (sorted first, so the
 * order does not depend on how the folder was listed), cut to {@code limit} slices if given, then into consecutive
 * groups of {@code groupSize} (the last group may be smaller).
 */
public final class UnlabeledGroups {

    private UnlabeledGroups() {
    }

    public static List<List<String>> of(List<String> names, int groupSize, int limit, long seed) {
        if (groupSize < 1 || limit < 0) {
            throw new IllegalArgumentException("group size must be >= 1 and limit >= 0");
        }
        List<String> order = new ArrayList<>(new TreeSet<>(names));
        Collections.shuffle(order, new Random(seed));
        if (limit > 0 && limit < order.size()) {
            order = order.subList(0, limit);
        }
        List<List<String>> groups = new ArrayList<>();
        for (int from = 0; from < order.size(); from += groupSize) {
            groups.add(List.copyOf(order.subList(from, Math.min(from + groupSize, order.size()))));
        }
        return List.copyOf(groups);
    }
}
