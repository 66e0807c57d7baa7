package org.covseg.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeanStdTest {

    @Test
    void meanAndSampleStandardDeviationOfHandValues() {
        // mean 5; squared deviations 9+1+1+1+0+0+4+16 = 32; sample variance 32/7
        MeanStd m = MeanStd.of(List.of(2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0));
        assertThat(m.mean()).isEqualTo(5.0);
        assertThat(m.std()).isCloseTo(Math.sqrt(32.0 / 7), within(1e-12));
        assertThat(m.n()).isEqualTo(8);
        MeanStd two = MeanStd.of(List.of(0.6, 0.7));
        assertThat(two.mean()).isCloseTo(0.65, within(1e-12));
        assertThat(two.std()).isCloseTo(Math.sqrt(0.005), within(1e-12));
    }

    @Test
    void oneValueHasNoDeviationAndNoneHasNoMean() {
        assertThat(MeanStd.of(List.of(0.4)).mean()).isEqualTo(0.4);
        assertThat(MeanStd.of(List.of(0.4)).std()).isNaN();
        assertThat(MeanStd.of(List.of()).mean()).isNaN();
        assertThat(MeanStd.of(List.of(1.0, Double.NaN)).mean()).isNaN();
    }

    @Test
    void tableShowsMeanPlusMinusStdOrTheMeanAloneOrADash() {
        assertThat(ResultsTable.meanStd(MeanStd.of(List.of(0.6, 0.7)), "%.3f")).isEqualTo("0.650 ± 0.071");
        assertThat(ResultsTable.meanStd(MeanStd.of(List.of(0.6)), "%.3f")).isEqualTo("0.600");
        assertThat(ResultsTable.meanStd(MeanStd.of(List.of()), "%.3f")).isEqualTo("–");
    }
}
