package org.covseg.analysis;

import java.util.List;

/** Names some of a folder's images in a note: "2 of 4 images (b, d)", the first three and "..." for more. */
final class NamedImages {

    private static final int NAMES_SHOWN = 3;

    private NamedImages() {
    }

    static String of(List<String> named, int images) {
        return named.size() + " of " + images + " images ("
                + String.join(", ", named.subList(0, Math.min(NAMES_SHOWN, named.size())))
                + (named.size() > NAMES_SHOWN ? ", ..." : "") + ")";
    }
}
