package org.covseg.data;

import java.util.Objects;
import org.covseg.image.Volume;

/**
 * A slice with an image-level label (UCSD COVID-CT).
 *
 * @param name   the sample's name in its dataset (class folder / file name)
 * @param image  grey levels 0..255 as stored (image size varies)
 * @param label  {@link #COVID} or {@link #NON_COVID}
 * @param source where the image came from (see {@link UcsdCovidCtDataset#source}); samples of one source belong
 *               on one side of a split
 */
public record ClassifiedSlice(String name, Volume image, int label, String source) {

    public static final int NON_COVID = 0;
    public static final int COVID = 1;

    public ClassifiedSlice {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(source, "source");
        if (label != NON_COVID && label != COVID) {
            throw new IllegalArgumentException("label must be 0 (non-COVID) or 1 (COVID), got " + label);
        }
    }
}
