package org.covseg.data;

import java.util.Collection;
import java.util.stream.Collectors;

/** Lists the first few items of a collection for an error message: "a, b, c, … (12 in all)". */
public final class FirstFew {

    private static final int SHOWN = 5;

    private FirstFew() {
    }

    public static String of(Collection<String> items) {
        String shown = items.stream().limit(SHOWN).collect(Collectors.joining(", "));
        return items.size() <= SHOWN ? shown : shown + ", … (" + items.size() + " in all)";
    }
}
