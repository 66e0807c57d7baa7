package org.covseg.severity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The published bins of each score at and around their boundaries, as exact fractions of voxel counts. */
class ScoreBinsTest {

    @ParameterizedTest(name = "{0} of {1} infected -> Yang region score {2}")
    @CsvSource({
        "0, 16, 0",   // none
        "1, 16, 1",   // 6.25 %
        "7, 16, 1",   // 43.75 % < 50 %
        "8, 16, 2",   // exactly 50 % -> 2 (>= 50 %)
        "16, 16, 2",  // 100 %
        "4, 9, 1",    // 44.4 %
        "5, 9, 2",    // 55.6 %
        "0, 0, 0"})   // a region without lung voxels
    void yangRegionScore(long infected, long lung, int score) {
        assertThat(CtSeverityScore.regionScore(infected, lung)).isEqualTo(score);
    }

    @ParameterizedTest(name = "{0} of {1} infected -> Pan lobe score {2}")
    @CsvSource({
        "0, 100, 0",    // none
        "1, 1000, 1",   // 0.1 %
        "4, 100, 1",    // 4 %
        "49, 1000, 1",  // 4.9 % < 5 %
        "5, 100, 2",    // exactly 5 % -> 2
        "1, 20, 2",     // 5 % as 1/20
        "25, 100, 2",   // exactly 25 % -> 2 (5-25 % closed)
        "51, 200, 3",   // 25.5 % -> 3
        "49, 100, 3",   // 49 %
        "499, 1000, 3", // 49.9 %
        "50, 100, 4",   // exactly 50 % -> 4
        "75, 100, 4",   // exactly 75 % -> 4 (50-75 % closed)
        "751, 1000, 5", // 75.1 % -> 5
        "19, 20, 5",    // 95 %
        "100, 100, 5"}) // 100 %
    void panLobeScore(long infected, long lung, int score) {
        assertThat(TotalCtScore.lobeScore(infected, lung)).isEqualTo(score);
    }

    @ParameterizedTest(name = "finding {0}, {1} of {2} infected -> CT-{3}")
    @CsvSource({
        "false, 0, 100, 0",
        "false, 30, 100, 0",   // speckle only: no finding, whatever the involvement
        "true, 1, 100, 1",
        "true, 249, 1000, 1",  // 24.9 %
        "true, 25, 100, 2",    // exactly 25 % -> CT-2 (lower bound inclusive)
        "true, 49, 100, 2",
        "true, 50, 100, 3",    // exactly 50 % -> CT-3
        "true, 749, 1000, 3",
        "true, 75, 100, 4",    // exactly 75 % -> CT-4
        "true, 100, 100, 4"})
    void mosmedLevel(boolean finding, long infected, long lung, int level) {
        assertThat(MosmedCategory.level(finding, infected, lung)).isEqualTo(level);
    }
}
