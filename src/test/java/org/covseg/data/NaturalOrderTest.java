package org.covseg.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NaturalOrderTest {

    @Test
    void digitRunsCompareAsNumbers() {
        List<String> names = new ArrayList<>(List.of("s_10", "s_9", "s_100", "t_1", "s_09", "1%10", "1%2", "10", "2"));
        names.sort(NaturalOrder::compare);
        assertThat(names).containsExactly("1%2", "1%10", "2", "10", "s_09", "s_9", "s_10", "s_100", "t_1");
    }

    @Test
    void veryLongNumbersDoNotOverflow() {
        assertThat(NaturalOrder.compare("x99999999999999999999", "x100000000000000000000")).isNegative();
    }
}
