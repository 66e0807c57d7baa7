package org.covseg.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.covseg.CovsegException;
import org.junit.jupiter.api.Test;

class SplitsTest {

    private static List<String> names(int n) {
        return IntStream.range(0, n).mapToObj(i -> "s" + i).toList();
    }

    @Test
    void fractionSplitIsDeterministicPartitionOfTheRightSize() {
        List<String> names = names(50);
        Split a = Splits.byFraction(names, 0.2, 42);
        assertThat(a.validation()).hasSize(10);
        assertThat(a.train()).hasSize(40);
        List<String> all = new ArrayList<>(a.train());
        all.addAll(a.validation());
        assertThat(all).containsExactlyInAnyOrderElementsOf(names);
        assertThat(Splits.byFraction(names, 0.2, 42)).isEqualTo(a);
        assertThat(Splits.byFraction(names, 0.2, 43).validation()).isNotEqualTo(a.validation());
    }

    @Test
    void fractionSplitDoesNotDependOnTheOrderOfNamesAndKeepsIt() {
        List<String> names = names(30);
        List<String> reversed = new ArrayList<>(names);
        Collections.reverse(reversed);
        Split forward = Splits.byFraction(names, 0.3, 7);
        Split backward = Splits.byFraction(reversed, 0.3, 7);
        assertThat(backward.validation()).containsExactlyInAnyOrderElementsOf(forward.validation());
        assertThat(forward.validation()).isSortedAccordingTo((x, y) -> names.indexOf(x) - names.indexOf(y));
    }

    @Test
    void tinyFractionsStillValidateOneAndZeroValidatesNone() {
        assertThat(Splits.byFraction(names(5), 0.01, 1).validation()).hasSize(1);
        assertThat(Splits.byFraction(names(5), 0.0, 1).validation()).isEmpty();
        assertThat(Splits.byFraction(names(3), 0.99, 1).train()).hasSize(1);
    }

    @Test
    void badFractionsAndTooFewSamplesAreUserErrors() {
        assertThatThrownBy(() -> Splits.byFraction(names(5), 1.0, 1)).isInstanceOf(CovsegException.class);
        assertThatThrownBy(() -> Splits.byFraction(names(5), -0.1, 1)).isInstanceOf(CovsegException.class);
        assertThatThrownBy(() -> Splits.byFraction(names(5), Double.NaN, 1)).isInstanceOf(CovsegException.class);
        assertThatThrownBy(() -> Splits.byFraction(names(1), 0.5, 1)).isInstanceOf(CovsegException.class);
    }

    @Test
    void explicitNamesGoToValidation() {
        Split s = Splits.byNames(names(5), List.of("s3", "s1"));
        assertThat(s.validation()).containsExactly("s1", "s3");
        assertThat(s.train()).containsExactly("s0", "s2", "s4");
        assertThatThrownBy(() -> Splits.byNames(names(5), List.of("s1", "x9"))).isInstanceOf(CovsegException.class)
                .hasMessageContaining("x9");
    }

    @Test
    void groupSplitNeverSeparatesAGroupAndComesCloseToTheFraction() {
        List<String> names = names(100);
        // groups of 1..9 samples: s0 | s1 s2 | s3 s4 s5 | ...
        java.util.function.Function<String, String> groupOf = n -> {
            int i = Integer.parseInt(n.substring(1));
            int g = 0;
            while ((g + 1) * (g + 2) / 2 <= i) {
                g++;
            }
            return "g" + g;
        };
        for (long seed = 0; seed < 20; seed++) {
            Split s = Splits.byGroup(names, groupOf, 0.2, seed);
            assertThat(s.validation()).extracting(groupOf)
                    .doesNotContainAnyElementsOf(s.train().stream().map(groupOf).toList());
            assertThat(s.validation().size()).as("seed " + seed).isBetween(15, 25);
            assertThat(s.train().size() + s.validation().size()).isEqualTo(100);
        }
        assertThat(Splits.byGroup(names, groupOf, 0.2, 5)).isEqualTo(Splits.byGroup(names, groupOf, 0.2, 5));
    }

    @Test
    void groupSplitTakesTheSmallestGroupWhenNoneFitsAndNeverEmptiesTraining() {
        List<String> names = List.of("a1", "a2", "a3", "b1", "b2", "c1", "c2", "c3", "c4");
        java.util.function.Function<String, String> groupOf = n -> n.substring(0, 1);
        assertThat(Splits.byGroup(names, groupOf, 0.05, 3).validation()).containsExactly("b1", "b2");
        Split most = Splits.byGroup(names, groupOf, 0.95, 3);
        assertThat(most.train()).isNotEmpty();
        assertThatThrownBy(() -> Splits.byGroup(names, n -> "same", 0.2, 1)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("at least 2 groups");
    }

    @Test
    void groupSplitWithinClassesHoldsOutEveryClassWithoutLeakingAGroup() {
        List<String> names = new java.util.ArrayList<>();
        for (int g = 0; g < 10; g++) {
            for (int m = 0; m < 3; m++) {
                names.add("A/g" + g + "_" + m);
                names.add("B/h" + g + "_" + m);
            }
        }
        java.util.function.Function<String, String> groupOf = n -> n.substring(0, n.indexOf('_'));
        java.util.function.Function<String, String> classOf = n -> n.substring(0, 1);
        for (long seed = 0; seed < 10; seed++) {
            Split s = Splits.byGroupWithinClasses(names, groupOf, classOf, 0.2, seed);
            assertThat(s.validation()).extracting(groupOf)
                    .doesNotContainAnyElementsOf(s.train().stream().map(groupOf).toList());
            // 30 per class, 20% = 6 = two whole groups of 3 in each class.
            assertThat(s.validation()).filteredOn(n -> n.startsWith("A/")).hasSize(6);
            assertThat(s.validation()).filteredOn(n -> n.startsWith("B/")).hasSize(6);
        }
    }

    @Test
    void kFoldValidatesEverySampleExactlyOnceInBalancedDeterministicFolds() {
        List<String> names = names(23);
        List<Split> folds = Splits.kFold(names, 5, 3);
        assertThat(folds).hasSize(5);
        List<String> validated = new ArrayList<>();
        for (Split fold : folds) {
            assertThat(fold.validation()).hasSizeBetween(4, 5);
            assertThat(fold.train()).hasSize(names.size() - fold.validation().size());
            validated.addAll(fold.validation());
        }
        assertThat(validated).containsExactlyInAnyOrderElementsOf(names);
        assertThat(Splits.kFold(names, 5, 3)).isEqualTo(folds);
        assertThat(Splits.kFold(names, 5, 4)).isNotEqualTo(folds);
        List<String> reversed = new ArrayList<>(names);
        Collections.reverse(reversed);
        assertThat(Splits.kFold(reversed, 5, 3).get(0).validation())
                .containsExactlyInAnyOrderElementsOf(folds.get(0).validation());
    }

    @Test
    void kFoldNeedsAtLeastTwoFoldsAndNoMoreThanSamples() {
        assertThatThrownBy(() -> Splits.kFold(names(4), 1, 1)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("between 2 and 4 folds");
        assertThatThrownBy(() -> Splits.kFold(names(4), 5, 1)).isInstanceOf(CovsegException.class);
        assertThat(Splits.kFold(names(4), 4, 1)).allSatisfy(f -> assertThat(f.validation()).hasSize(1));
    }
}
