package org.covseg.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * A network's per-slice maps, handed over one slice at a time: a map once taken is forgotten, so a consumer that
 * stores each map elsewhere as it takes it (a temporary file) never has every full-size map in memory at once.
 */
public interface SliceMaps {

    /** How many slices have a map. */
    int count();

    /**
     * Slice {@code s}'s map; these maps then forget it.
     *
     * @throws IllegalStateException when it was taken before
     */
    float[] take(int s);

    /** Every map, in slice order (taking them all). */
    default List<float[]> all() {
        List<float[]> all = new ArrayList<>(count());
        for (int s = 0; s < count(); s++) {
            all.add(take(s));
        }
        return all;
    }

    /** Maps that are already made. */
    static SliceMaps of(List<float[]> maps) {
        List<float[]> held = new ArrayList<>(maps);
        return madeWhenTaken(held.size(), s -> held.set(s, null));
    }

    /** {@code count} maps, slice s's made by {@code make.apply(s)} when it is taken. */
    static SliceMaps madeWhenTaken(int count, IntFunction<float[]> make) {
        boolean[] taken = new boolean[count];
        return new SliceMaps() {
            @Override
            public int count() {
                return count;
            }

            @Override
            public float[] take(int s) {
                if (taken[s]) {
                    throw new IllegalStateException("the map of slice " + s + " was taken before");
                }
                taken[s] = true;
                return make.apply(s);
            }
        };
    }
}
