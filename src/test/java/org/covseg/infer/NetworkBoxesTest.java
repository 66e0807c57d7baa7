package org.covseg.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.image.Window;
import org.covseg.lungs.Framing;
import org.covseg.lungs.LungSegmenter;
import org.covseg.phantom.Phantom;
import org.covseg.phantom.PhantomConfig;
import org.junit.jupiter.api.Test;

/** Where segment and evaluate run a network: the lung box of an image of the body, the whole of a cropped one. */
class NetworkBoxesTest {

    private static final Phantom CHEST = Phantom.generate(PhantomConfig.builder().grid(128, 8, 2.5, 8.0).build());

    private static Volume grey(int slice) {
        return Window.LUNG.apply(CHEST.slice(slice).ct());
    }

    @Test
    void anImageOfTheBodyIsRunOnItsLungBoxAsAnalyzeRunsIt() {
        Volume image = grey(4);
        int[] box = NetworkBoxes.ofImages(List.of(image)).get(0);
        int[] analyzes = new LungBoxes(new LungSegmenter(Framing.BODY)).of(image);
        assertThat(box).containsExactly(analyzes);
        assertThat((box[2] - box[0] + 1) * (box[3] - box[1] + 1)).as("the box is inside the body")
                .isLessThan(image.width() * image.height() * 3 / 4);
        assertThat(NetworkBoxes.ofVolumeSlices(List.of(image)).get(0)).containsExactly(analyzes);
    }

    @Test
    void anImageCroppedToTheLungsAndAnImageWithoutLungsAreRunWhole() {
        Volume image = grey(4);
        Volume cropped = LungBoxes.crop(image, tightBox(new LungSegmenter(Framing.BODY).segment(image)));
        Volume blank = Volume.builder(96, 80, 1).unit(IntensityUnit.WINDOWED_8BIT).build();
        assertThat(NetworkBoxes.ofImages(List.of(cropped, blank)))
                .containsExactly(LungBoxes.whole(cropped), LungBoxes.whole(blank));
        assertThat(NetworkBoxes.ofVolumeSlices(List.of(blank))).containsExactly((int[]) null);
    }

    @Test
    void theMapIsTheNetworksMapOfTheBoxAndZeroOutsideIt() {
        Volume slice = Volume.builder(10, 8, 1).unit(IntensityUnit.WINDOWED_8BIT).build();
        for (int p = 0; p < 80; p++) {
            slice.set(p % 10, p / 10, 0, p);
        }
        List<List<Volume>> seen = new ArrayList<>();
        List<int[]> boxes = new ArrayList<>();
        boxes.add(new int[] {2, 1, 4, 2});
        boxes.add(null);
        boxes.add(LungBoxes.whole(slice));
        SliceMaps maps = OnBoxes.probabilities(List.of(slice, slice, slice), boxes, (crops, done) -> {
            seen.add(crops);
            return crops.stream().map(c -> {
                float[] v = c.toArray();
                for (int p = 0; p < v.length; p++) {
                    v[p] /= 100;
                }
                return v;
            }).toList();
        }, n -> { });
        assertThat(seen).hasSize(1);
        assertThat(seen.get(0)).hasSize(2).first().extracting(Volume::width, Volume::height).containsExactly(3, 2);
        float[] whole = maps.take(2);
        for (int p = 0; p < 80; p++) {
            assertThat(whole[p]).isEqualTo(p / 100f);
        }
        float[] boxed = maps.take(0);
        for (int p = 0; p < 80; p++) {
            int x = p % 10;
            int y = p / 10;
            float expected = x >= 2 && x <= 4 && y >= 1 && y <= 2 ? p / 100f : 0;
            assertThat(boxed[p]).as("pixel %d, %d", x, y).isEqualTo(expected);
        }
        assertThat(maps.take(1)).containsOnly(0f).hasSize(80);
        assertThatThrownBy(() -> maps.take(0)).isInstanceOf(IllegalStateException.class)
                .hasMessage("the map of slice 0 was taken before");
    }

    /** The bounding box of the non-zero labels, without a margin. */
    private static int[] tightBox(Volume labels) {
        int w = labels.width();
        int[] box = {w, labels.height(), -1, -1};
        float[] l = labels.toArray();
        for (int p = 0; p < l.length; p++) {
            if (l[p] != 0) {
                box[0] = Math.min(box[0], p % w);
                box[1] = Math.min(box[1], p / w);
                box[2] = Math.max(box[2], p % w);
                box[3] = Math.max(box[3], p / w);
            }
        }
        return box;
    }
}
