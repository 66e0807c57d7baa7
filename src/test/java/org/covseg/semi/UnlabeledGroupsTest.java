package org.covseg.semi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class UnlabeledGroupsTest {

    private static final List<String> NAMES = IntStream.range(0, 11).mapToObj(i -> "v_" + i).toList();

    @Test
    void consecutiveGroupsOfTheSeededOrderWithASmallerLastOne() {
        List<List<String>> groups = UnlabeledGroups.of(NAMES, 5, 0, 1);
        assertThat(groups).extracting(List::size).containsExactly(5, 5, 1);
        assertThat(groups.stream().flatMap(List::stream)).containsExactlyInAnyOrderElementsOf(NAMES);
        assertThat(groups.stream().flatMap(List::stream).toList()).isNotEqualTo(NAMES);
    }

    @Test
    void theOrderDependsOnTheSeedButNotOnTheListing() {
        List<String> reversed = new ArrayList<>(NAMES);
        Collections.reverse(reversed);
        assertThat(UnlabeledGroups.of(reversed, 3, 0, 7)).isEqualTo(UnlabeledGroups.of(NAMES, 3, 0, 7));
        assertThat(UnlabeledGroups.of(NAMES, 3, 0, 8)).isNotEqualTo(UnlabeledGroups.of(NAMES, 3, 0, 7));
    }

    @Test
    void aLimitKeepsTheFirstSlicesOfTheOrder() {
        List<String> all = UnlabeledGroups.of(NAMES, 11, 0, 3).get(0);
        List<List<String>> limited = UnlabeledGroups.of(NAMES, 2, 4, 3);
        assertThat(limited).containsExactly(all.subList(0, 2), all.subList(2, 4));
    }
}
