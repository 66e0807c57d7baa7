package org.covseg.severity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.covseg.CovsegException;
import org.covseg.image.Volume;
import org.covseg.severity.PercentageOfInfection.LungInvolvement;
import org.junit.jupiter.api.Test;

class SeverityScorerTest {

    private static final double EPS = 1e-12;

    /**
     * 21 x 10 x 10 grid, spacing 0.5 x 0.75 x 2 mm = 0.75 mm³ = 0.00075 mL per voxel.
     * Right lung i 0..9, left lung i 10..19 (1000 voxels = 0.75 mL each), column i 20 outside the lungs.
     */
    private static TestMasks twoSlabLungs() {
        return new TestMasks(21, 10, 10).spacing(0.5, 0.75, 2)
                .lung(1, 0, 9, 0, 9, 0, 9)
                .lung(2, 10, 19, 0, 9, 0, 9);
    }

    @Test
    void percentageOfInfectionPerLungAndClassInMillilitres() {
        SeverityReport r = twoSlabLungs()
                .infect(1, 0, 9, 0, 9, 0, 1)     // right: ground glass on slices 0-1 = 200 voxels
                .infect(2, 0, 9, 0, 9, 2, 2)     // right: consolidation on slice 2 = 100 voxels
                .infect(1, 10, 14, 0, 9, 0, 0)   // left: ground glass 5 x 10 x 1 = 50 voxels
                .infect(2, 20, 20, 0, 6, 0, 0)   // outside: consolidation 7 voxels
                .infect(1, 20, 20, 0, 2, 5, 5)   // outside: ground glass 3 voxels
                .score();
        PercentageOfInfection poi = r.percentageOfInfection();
        assertThat(r.unit()).isEqualTo("mL");
        assertThat(poi.unit()).isEqualTo("mL");
        assertThat(r.singleSlice()).isFalse();

        // right: any 300/1000 = 30 %, ground glass 200/1000 = 20 %, consolidation 100/1000 = 10 %
        LungInvolvement right = poi.right();
        assertThat(right.lung().voxels()).isEqualTo(1000);
        assertThat(right.lung().value()).isCloseTo(0.75, within(EPS));              // 1000 x 0.75 mm³ / 1000
        assertThat(right.any().infected().voxels()).isEqualTo(300);
        assertThat(right.any().infected().value()).isCloseTo(0.225, within(EPS));   // 300 x 0.00075 mL
        assertThat(right.any().percent()).isCloseTo(30.0, within(EPS));
        assertThat(right.groundGlass().percent()).isCloseTo(20.0, within(EPS));
        assertThat(right.consolidation().percent()).isCloseTo(10.0, within(EPS));

        // left: 50/1000 = 5 % ground glass, no consolidation
        assertThat(poi.left().any().percent()).isCloseTo(5.0, within(EPS));
        assertThat(poi.left().groundGlass().percent()).isCloseTo(5.0, within(EPS));
        assertThat(poi.left().consolidation().percent()).isEqualTo(0.0);

        // both lungs: 2000 voxels = 1.5 mL; any 350/2000 = 17.5 %, ground glass 250 = 12.5 %, consolidation 100 = 5 %
        assertThat(poi.total().lung().value()).isCloseTo(1.5, within(EPS));
        assertThat(poi.total().any().percent()).isCloseTo(17.5, within(EPS));
        assertThat(poi.total().groundGlass().percent()).isCloseTo(12.5, within(EPS));
        assertThat(poi.total().consolidation().percent()).isCloseTo(5.0, within(EPS));

        // outside the lungs: 10 voxels = 0.0075 mL, counted apart and in no percentage
        assertThat(poi.outsideLungs().any().voxels()).isEqualTo(10);
        assertThat(poi.outsideLungs().any().value()).isCloseTo(0.0075, within(EPS));
        assertThat(poi.outsideLungs().groundGlass().voxels()).isEqualTo(3);
        assertThat(poi.outsideLungs().consolidation().voxels()).isEqualTo(7);
        assertThat(poi.label()).contains("volume-based");
        assertThat(poi.definition()).contains("outsideLungs").contains("mm³ / 1000 = mL");
    }

    @Test
    void binaryInfectionMaskGivesOnlyTheAnyClass() {
        SeverityReport r = twoSlabLungs().infect(1, 0, 9, 0, 4, 0, 9)   // right: half the rows = 500 voxels
                .infect(1, 20, 20, 0, 0, 0, 0)                            // 1 voxel outside
                .score(InfectionLabels.BINARY, true);
        assertThat(r.infectionLabels()).isEqualTo(InfectionLabels.BINARY);
        assertThat(r.percentageOfInfection().right().any().percent()).isCloseTo(50.0, within(EPS));
        assertThat(r.percentageOfInfection().total().any().percent()).isCloseTo(25.0, within(EPS)); // 500/2000
        assertThat(r.percentageOfInfection().right().groundGlass()).isNull();
        assertThat(r.percentageOfInfection().right().consolidation()).isNull();
        assertThat(r.percentageOfInfection().outsideLungs().any().voxels()).isEqualTo(1);
        assertThat(r.percentageOfInfection().outsideLungs().groundGlass()).isNull();
    }

    /**
     * Two 4 (i) x 4 (j) x 12 (k) box lungs (right i 0..3, left i 6..9), spacing 2 x 2 x 2.5 mm = 10 mm³ =
     * 0.01 mL per voxel. Region sizes (see LungPartitionTest): apical and superior-lower 32, all others 16.
     */
    private static TestMasks boxLungs() {
        return new TestMasks(10, 4, 12).spacing(2, 2, 2.5)
                .lung(1, 0, 3, 0, 3, 0, 11)
                .lung(2, 6, 9, 0, 3, 0, 11);
    }

    private static TestMasks boxLungsWithKnownScores() {
        return boxLungs()
                .infect(1, 0, 3, 0, 3, 10, 11)   // right apical: all 32 of 32 -> 2
                .infect(1, 0, 3, 0, 1, 8, 8)     // right anterior (slices 8-9, rows 0-1): 8 of 16 = 50 % -> 2
                .infect(2, 0, 3, 2, 2, 8, 8)     // right posterior (slices 8-9, rows 2-3): 4 ...
                .infect(2, 0, 2, 3, 3, 8, 8)     // ... + 3 = 7 of 16 = 43.75 % -> 1
                .infect(1, 3, 3, 0, 0, 0, 0)     // right medial basal (i 2-3 medial, rows 0-1): 1 of 16 -> 1
                .infect(1, 6, 9, 0, 1, 4, 5)     // left inferior lingular (slices 4-5, rows 0-1): 16 of 16 -> 2
                .infect(1, 8, 9, 2, 3, 0, 0);    // left lateral basal (i 8-9 lateral, rows 2-3): 4 of 16 -> 1
    }

    @Test
    void ctSeverityScoreOnGeometricRegions() {
        CtSeverityScore yang = boxLungsWithKnownScores().score().ctSeverityScore();
        assertThat(yang.applicable()).isTrue();
        assertThat(yang.notApplicableReason()).isNull();
        Map<LungRegion, Integer> scores = yang.regions().stream()
                .collect(Collectors.toMap(CtSeverityScore.RegionScore::region, CtSeverityScore.RegionScore::score));
        assertThat(scores).hasSize(20);
        assertThat(scores).containsEntry(LungRegion.RIGHT_APICAL, 2)
                .containsEntry(LungRegion.RIGHT_ANTERIOR, 2)
                .containsEntry(LungRegion.RIGHT_POSTERIOR, 1)
                .containsEntry(LungRegion.RIGHT_MEDIAL_BASAL, 1)
                .containsEntry(LungRegion.LEFT_INFERIOR_LINGULAR, 2)
                .containsEntry(LungRegion.LEFT_LATERAL_BASAL, 1)
                .containsEntry(LungRegion.RIGHT_SUPERIOR_LOWER, 0)
                .containsEntry(LungRegion.LEFT_SUPERIOR_LINGULAR, 0);
        // right 2 + 2 + 1 + 1 = 6, left 2 + 1 = 3
        assertThat(yang.total()).isEqualTo(9);
        assertThat(yang.maximum()).isEqualTo(40);
        CtSeverityScore.RegionScore posterior = byRegion(yang).get(LungRegion.RIGHT_POSTERIOR);
        assertThat(posterior.lung().voxels()).isEqualTo(16);
        assertThat(posterior.lung().value()).isCloseTo(0.16, within(EPS));          // 16 x 0.01 mL
        assertThat(posterior.infected().voxels()).isEqualTo(7);
        assertThat(posterior.percent()).isCloseTo(43.75, within(EPS));              // 7 / 16
        assertThat(posterior.description()).isEqualTo("right lung, posterior (stands for S2)");
        assertThat(yang.label()).isEqualTo(
                "CT severity score (geometric approximation of the 20 segments, not anatomical)");
        assertThat(yang.definition()).contains("Yang").contains(LungPartition.DESCRIPTION);
    }

    private static Map<LungRegion, CtSeverityScore.RegionScore> byRegion(CtSeverityScore s) {
        return s.regions().stream().collect(Collectors.toMap(CtSeverityScore.RegionScore::region,
                Function.identity()));
    }

    @Test
    void totalCtScoreOnGeometricLobes() {
        TotalCtScore pan = boxLungsWithKnownScores().score().totalCtScore();
        assertThat(pan.applicable()).isTrue();
        Map<Lobe, TotalCtScore.LobeScore> lobes = pan.lobes().stream()
                .collect(Collectors.toMap(TotalCtScore.LobeScore::lobe, Function.identity()));
        // right upper = apical + posterior + anterior = 64 voxels; 32 + 7 + 8 = 47 infected = 73.4 % -> 4
        assertThat(lobes.get(Lobe.RIGHT_UPPER).lung().voxels()).isEqualTo(64);
        assertThat(lobes.get(Lobe.RIGHT_UPPER).infected().voxels()).isEqualTo(47);
        assertThat(lobes.get(Lobe.RIGHT_UPPER).score()).isEqualTo(4);
        // right middle = anterior half of the middle band = 32 voxels, none infected -> 0
        assertThat(lobes.get(Lobe.RIGHT_MIDDLE).lung().voxels()).isEqualTo(32);
        assertThat(lobes.get(Lobe.RIGHT_MIDDLE).score()).isZero();
        // right lower = 32 (superior) + 64 (basal) = 96 voxels; 1 infected = 1.04 % -> 1
        assertThat(lobes.get(Lobe.RIGHT_LOWER).lung().voxels()).isEqualTo(96);
        assertThat(lobes.get(Lobe.RIGHT_LOWER).score()).isEqualTo(1);
        // left upper = 64 + lingula 32 = 96 voxels; 16 infected = 16.7 % -> 2
        assertThat(lobes.get(Lobe.LEFT_UPPER).lung().voxels()).isEqualTo(96);
        assertThat(lobes.get(Lobe.LEFT_UPPER).percent()).isCloseTo(100.0 * 16 / 96, within(EPS));
        assertThat(lobes.get(Lobe.LEFT_UPPER).score()).isEqualTo(2);
        // left lower = 96 voxels; 4 infected = 4.2 % -> 1
        assertThat(lobes.get(Lobe.LEFT_LOWER).score()).isEqualTo(1);
        assertThat(pan.total()).isEqualTo(4 + 0 + 1 + 2 + 1);
        assertThat(pan.maximum()).isEqualTo(25);
        assertThat(pan.label()).isEqualTo("Total CT score (geometric approximation of the 5 lobes, not anatomical)");
        assertThat(pan.definition()).contains("25% -> 2, 25.5% -> 3");
    }

    @Test
    void panLobeBoundaryOnAMask() {
        // right upper lobe = 64 voxels. 16 infected = exactly 25 % -> 2; 17 = 26.6 % -> 3
        TotalCtScore at25 = boxLungs().infect(1, 0, 3, 0, 3, 11, 11).score().totalCtScore();
        TotalCtScore above = boxLungs().infect(1, 0, 3, 0, 3, 11, 11).infect(1, 0, 0, 0, 0, 10, 10)
                .score().totalCtScore();
        assertThat(at25.lobes().get(0).lobe()).isEqualTo(Lobe.RIGHT_UPPER);
        assertThat(at25.lobes().get(0).score()).isEqualTo(2);
        assertThat(above.lobes().get(0).score()).isEqualTo(3);
    }

    @Test
    void theWholeLungScoresAreListedInReportOrderWithTheirReadings() {
        // the same masks as above: CT-SS 9 / 40, total CT score 8 / 25, 17.7 % involved -> CT-1
        List<WholeLungScore> scores = boxLungsWithKnownScores().score().wholeLungScores();
        assertThat(scores).extracting(WholeLungScore::name)
                .containsExactly("CT severity score", "total CT score", "MosMed category");
        assertThat(scores).extracting(WholeLungScore::reading).containsExactly("9 / 40", "8 / 25", "CT-1");
        assertThat(scores).extracting(WholeLungScore::value).containsExactly(9, 8, 1);
        assertThat(scores).extracting(WholeLungScore::key).containsExactlyElementsOf(
                SeverityReport.WHOLE_LUNG_SCORE_KEYS);

        TestMasks slice = new TestMasks(20, 10, 1).lung(1, 0, 9, 0, 9, 0, 0).lung(2, 10, 19, 0, 9, 0, 0);
        assertThat(slice.score(InfectionLabels.BINARY, true).wholeLungScores())
                .allSatisfy(w -> assertThat(w.reading()).isNull())
                .allSatisfy(w -> assertThat(w.value()).isNull())
                .allSatisfy(w -> assertThat(w.notApplicableReason()).startsWith("not applicable to a single slice"));
    }

    @Test
    void mosmedCategoryFromWholeLungInvolvement() {
        // lungs 2 x 192 = 384 voxels; infected 47 + 1 + 16 + 4 = 68 = 17.7 % -> CT-1; the largest lesion, the
        // right apical block, is 32 voxels x 10 mm³ = 320 mm³ >= 100 mm³, so there is a finding
        SeverityReport r = boxLungsWithKnownScores().score();
        assertThat(r.finding().present()).isTrue();
        assertThat(r.finding().largestLesion().voxels()).isEqualTo(32);
        assertThat(r.finding().largestLesion().value()).isCloseTo(0.32, within(EPS));
        assertThat(r.finding().threshold()).isCloseTo(0.1, within(EPS));
        MosmedCategory m = r.mosmedCategory();
        assertThat(m.applicable()).isTrue();
        assertThat(m.category()).isEqualTo("CT-1");
        assertThat(m.level()).isEqualTo(1);
        assertThat(m.involvementPercent()).isCloseTo(100.0 * 68 / 384, within(EPS));

        // 96 of 384 = exactly 25 % (the right lung's lower 6 slices: 4 x 4 x 6) -> CT-2
        SeverityReport quarter = boxLungs().infect(1, 0, 3, 0, 3, 0, 5).score();
        assertThat(quarter.mosmedCategory().category()).isEqualTo("CT-2");
        // 288 of 384 = exactly 75 % -> CT-4
        SeverityReport threeQuarters = boxLungs().infect(1, 0, 3, 0, 3, 0, 11).infect(1, 6, 9, 0, 3, 0, 5).score();
        assertThat(threeQuarters.mosmedCategory().category()).isEqualTo("CT-4");
    }

    @Test
    void findingIgnoresSpeckleButNotALesionAtTheThreshold() {
        // one 10x10x10 lung, spacing 1 mm: 1 voxel = 1 mm³; threshold 100 mm³ = 100 voxels
        TestMasks speckle = new TestMasks(10, 10, 10).lung(1, 0, 9, 0, 9, 0, 9);
        for (int k = 0; k < 10; k += 2) {
            for (int j = 0; j < 10; j += 2) {
                for (int i = 0; i < 10; i += 2) {
                    speckle.infect(1, i, i, j, j, k, k); // 125 voxels, no two sharing a face
                }
            }
        }
        SeverityReport s = speckle.score();
        assertThat(s.percentageOfInfection().total().any().percent()).isCloseTo(12.5, within(EPS));
        assertThat(s.finding().present()).isFalse();
        assertThat(s.finding().largestLesion().voxels()).isEqualTo(1);
        assertThat(s.mosmedCategory().category()).isEqualTo("CT-0"); // no finding, although 12.5 % is marked

        SeverityReport hundred = new TestMasks(10, 10, 10).lung(1, 0, 9, 0, 9, 0, 9)
                .infect(1, 0, 9, 0, 9, 0, 0).score();                                 // 100 voxels = 100 mm³
        SeverityReport ninetyNine = new TestMasks(10, 10, 10).lung(1, 0, 9, 0, 9, 0, 9)
                .infect(1, 0, 9, 0, 9, 0, 0).infect(0, 9, 9, 9, 9, 0, 0).score();     // 99 voxels
        assertThat(hundred.finding().present()).isTrue();
        assertThat(hundred.mosmedCategory().category()).isEqualTo("CT-1");             // 10 %
        assertThat(ninetyNine.finding().present()).isFalse();
        assertThat(hundred.finding().definition()).contains("100 mm³ = 0.1 mL");
    }

    @Test
    void findingCountsOnlyInfectionInsideTheLungs() {
        // 200 infected voxels outside the lung, 5 inside: largest lesion inside = 5 voxels -> no finding
        SeverityReport r = new TestMasks(20, 10, 10).lung(1, 0, 9, 0, 9, 0, 9)
                .infect(1, 10, 19, 0, 9, 0, 1).infect(1, 0, 4, 0, 0, 0, 0).score();
        assertThat(r.finding().present()).isFalse();
        assertThat(r.finding().largestLesion().voxels()).isEqualTo(5);
        assertThat(r.percentageOfInfection().outsideLungs().any().voxels()).isEqualTo(200);
    }

    @Test
    void singleSliceIsAreaBasedAndHasNoWholeLungScores() {
        // 20 x 10 slice: right lung i 0..9 (100 pixels), left i 10..19; a 5 x 5 lesion in the right lung
        TestMasks slice = new TestMasks(20, 10, 1).spacing(0.5, 0.5, 5)
                .lung(1, 0, 9, 0, 9, 0, 0).lung(2, 10, 19, 0, 9, 0, 0)
                .infect(1, 2, 6, 2, 6, 0, 0);
        SeverityReport mm2 = slice.score(InfectionLabels.BINARY, true);
        assertThat(mm2.singleSlice()).isTrue();
        assertThat(mm2.unit()).isEqualTo("mm²");
        // 100 pixels x 0.25 mm² = 25 mm²; 25 pixels = 6.25 mm² = 25 %
        assertThat(mm2.percentageOfInfection().right().lung().value()).isCloseTo(25.0, within(EPS));
        assertThat(mm2.percentageOfInfection().right().any().infected().value()).isCloseTo(6.25, within(EPS));
        assertThat(mm2.percentageOfInfection().right().any().percent()).isCloseTo(25.0, within(EPS));
        assertThat(mm2.percentageOfInfection().total().any().percent()).isCloseTo(12.5, within(EPS)); // 25/200
        assertThat(mm2.percentageOfInfection().label()).contains("area-based on this slice");
        // 6.25 mm² < 10 mm² -> no finding
        assertThat(mm2.finding().present()).isFalse();
        assertThat(mm2.finding().threshold()).isEqualTo(10.0);
        for (String reason : List.of(mm2.ctSeverityScore().notApplicableReason(),
                mm2.totalCtScore().notApplicableReason(), mm2.mosmedCategory().notApplicableReason())) {
            assertThat(reason).startsWith("not applicable to a single slice");
        }
        assertThat(mm2.ctSeverityScore().applicable()).isFalse();
        assertThat(mm2.ctSeverityScore().total()).isNull();
        assertThat(mm2.ctSeverityScore().regions()).isEmpty();
        assertThat(mm2.totalCtScore().total()).isNull();
        assertThat(mm2.mosmedCategory().category()).isNull();

        // without a known spacing: plain pixel counts, and 25 pixels >= 10 pixels is a finding
        SeverityReport pixels = slice.score(InfectionLabels.BINARY, false);
        assertThat(pixels.unit()).isEqualTo("pixels");
        assertThat(pixels.percentageOfInfection().right().lung().value()).isEqualTo(100.0);
        assertThat(pixels.percentageOfInfection().right().any().infected().value()).isEqualTo(25.0);
        assertThat(pixels.finding().present()).isTrue();
    }

    @Test
    void volumeWithoutKnownSpacingCountsVoxels() {
        SeverityReport r = boxLungs().infect(1, 0, 3, 0, 3, 11, 11).score(InfectionLabels.BINARY, false);
        assertThat(r.unit()).isEqualTo("voxels");
        assertThat(r.percentageOfInfection().right().lung().value()).isEqualTo(192.0);
        assertThat(r.ctSeverityScore().regions().get(0).infected().value()).isEqualTo(16.0); // right apical
        assertThat(r.finding().present()).isTrue(); // 16 voxels >= 10
    }

    @Test
    void regionalScoresNeedBothLungsAndSixSlices() {
        SeverityReport oneLung = new TestMasks(10, 10, 10).lung(1, 0, 9, 0, 9, 0, 9)
                .infect(1, 0, 9, 0, 9, 0, 0).score();
        assertThat(oneLung.ctSeverityScore().applicable()).isFalse();
        assertThat(oneLung.ctSeverityScore().notApplicableReason()).contains("no left lung (label 2)");
        assertThat(oneLung.totalCtScore().applicable()).isFalse();
        // POI of the missing lung is undefined, not 0 %
        assertThat(oneLung.percentageOfInfection().left().lung().voxels()).isZero();
        assertThat(oneLung.percentageOfInfection().left().any().percent()).isNull();
        assertThat(oneLung.percentageOfInfection().total().any().percent()).isCloseTo(10.0, within(EPS));
        assertThat(oneLung.mosmedCategory().applicable()).isTrue();

        TestMasks fiveSlices = new TestMasks(10, 4, 8).lung(1, 0, 3, 0, 3, 0, 7).lung(2, 6, 9, 0, 3, 0, 4);
        assertThat(fiveSlices.score().ctSeverityScore().notApplicableReason())
                .contains("left lung spans 5 slices").contains("at least 6");
        TestMasks sixSlices = new TestMasks(10, 4, 8).lung(1, 0, 3, 0, 3, 0, 7).lung(2, 6, 9, 0, 3, 2, 7);
        assertThat(sixSlices.score().ctSeverityScore().applicable()).isTrue();
        assertThat(sixSlices.score().ctSeverityScore().total()).isZero();
    }

    @Test
    void emptyLungMaskIsAUserError() {
        TestMasks empty = new TestMasks(4, 4, 4).infect(1, 0, 1, 0, 1, 0, 1);
        assertThatThrownBy(empty::score).isInstanceOf(CovsegException.class)
                .hasMessageContaining("no lung voxel");
    }

    @Test
    void badMaskValuesAreUserErrorsNamingTheMaskAndVoxel() {
        assertThatThrownBy(() -> boxLungs().lung(3, 1, 1, 2, 2, 3, 3).score())
                .isInstanceOf(CovsegException.class)
                .hasMessageContaining("lung mask holds the value 3.0 at voxel (1, 2, 3)");
        assertThatThrownBy(() -> boxLungs().infect(2, 0, 0, 0, 0, 0, 0).score(InfectionLabels.BINARY, true))
                .isInstanceOf(CovsegException.class)
                .hasMessageContaining("infection mask holds the value 2.0")
                .hasMessageContaining("1 infection (class unknown)");
        TestMasks half = boxLungs();
        Volume infection = half.infectionMask();
        infection.set(0, 0, 0, 0.5f);
        assertThatThrownBy(() -> new SeverityScorer().score(new SeverityInput(half.lungMask(), infection,
                InfectionLabels.GROUND_GLASS_AND_CONSOLIDATION, true)))
                .isInstanceOf(CovsegException.class).hasMessageContaining("0.5");
    }

    @Test
    void masksMustShareTheirGrid() {
        TestMasks a = boxLungs();
        TestMasks otherSize = new TestMasks(10, 4, 11);
        TestMasks otherSpacing = new TestMasks(10, 4, 12).spacing(1, 1, 1);
        assertThatThrownBy(() -> new SeverityInput(a.lungMask(), otherSize.infectionMask(),
                InfectionLabels.BINARY, true))
                .isInstanceOf(CovsegException.class).hasMessageContaining("10x4x12").hasMessageContaining("10x4x11");
        assertThatThrownBy(() -> new SeverityInput(a.lungMask(), otherSpacing.infectionMask(),
                InfectionLabels.BINARY, true))
                .isInstanceOf(CovsegException.class).hasMessageContaining("spacing");
        // an unknown spacing is not compared
        assertThat(new SeverityInput(a.lungMask(), otherSpacing.infectionMask(), InfectionLabels.BINARY, false)
                .unit()).isEqualTo(MeasureUnit.VOXELS);
    }
}
