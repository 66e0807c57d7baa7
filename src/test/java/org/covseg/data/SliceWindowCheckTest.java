package org.covseg.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.covseg.image.IntensityUnit;
import org.covseg.image.Volume;
import org.covseg.io.SliceImageWriter;
import org.covseg.io.SliceOrientation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SliceWindowCheckTest {

    @TempDir
    Path dir;

    /** A 10x10 slice: {@code bright} pixels at {@code brightGrey}, the rest at 40 (aerated lung in a lung window). */
    private static Volume slice(int bright, float brightGrey) {
        float[] grey = new float[100];
        Arrays.fill(grey, 40);
        Arrays.fill(grey, 0, bright, brightGrey);
        return Volume.builder(10, 10, 1).voxels(grey).unit(IntensityUnit.WINDOWED_8BIT).build();
    }

    @Test
    void brightGreyIsTheLevelAtOrBelowWhichNinetyFivePercentLie() {
        float[] ramp = new float[100];
        for (int i = 0; i < 100; i++) {
            ramp[i] = i;
        }
        Volume v = Volume.builder(10, 10, 1).voxels(ramp).unit(IntensityUnit.WINDOWED_8BIT).build();

        assertThat(SliceWindowCheck.brightGrey(v)).isEqualTo(94);
        assertThat(SliceWindowCheck.brightGrey(slice(5, 250))).isEqualTo(40);
        assertThat(SliceWindowCheck.brightGrey(slice(6, 250))).isEqualTo(250);
    }

    @Test
    void lungWindowedSlicesPassAndWideWindowedOnesAreNamed() {
        Volume lungWindow = slice(30, 255);
        Volume wideWindow = slice(30, 110);

        assertThat(SliceWindowCheck.looksLungWindowed(lungWindow)).isTrue();
        assertThat(SliceWindowCheck.looksLungWindowed(slice(30, 180))).isTrue();
        assertThat(SliceWindowCheck.looksLungWindowed(slice(30, 179))).isFalse();
        assertThat(SliceWindowCheck.note(List.of("a.png", "b.png"), List.of(lungWindow, lungWindow))).isEmpty();
        assertThat(SliceWindowCheck.note(List.of("a.png", "b.png", "c.png", "d.png", "e.png"),
                List.of(wideWindow, lungWindow, wideWindow, wideWindow, wideWindow)).orElseThrow())
                .startsWith("4 of 5 images (a.png, c.png, d.png, ...) look windowed unlike covseg's training slices")
                .contains("below grey 180");
        assertThat(SliceWindowCheck.note(List.of("x.png"), List.of(wideWindow)).orElseThrow())
                .startsWith("the image looks windowed unlike");
    }

    @Test
    void scansNoteAWideWindowedImageAndFolderButNotALungWindowedOne() throws Exception {
        Path lung = dir.resolve("folder/lung.png");
        Path wide = dir.resolve("folder/wide.png");
        Files.createDirectories(wide.getParent());
        SliceImageWriter.writeGrey8(lung, slice(30, 255), SliceOrientation.DISPLAY);
        SliceImageWriter.writeGrey8(wide, slice(30, 110), SliceOrientation.DISPLAY);

        assertThat(Scans.open(lung, null).notes()).isEmpty();
        assertThat(Scans.open(wide, null).notes()).singleElement().asString().startsWith("the image looks windowed");
        assertThat(Scans.open(wide.getParent(), null).notes()).singleElement().asString()
                .startsWith("1 of 2 images (wide.png) look windowed");
    }
}
