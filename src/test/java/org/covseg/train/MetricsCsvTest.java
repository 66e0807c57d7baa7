package org.covseg.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsCsvTest {

    private static Map<String, Double> ordered(Object... pairs) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return map;
    }

    @Test
    void oneRowPerEpochWithEmptyCellsForMissingValues() {
        EpochRecord first = new EpochRecord(1, 1e-4, ordered("edge", 0.5, "map2", 1.25, "loss", 1.75), 2.0,
                ordered("dice", 0.5, "iou", 1.0 / 3), 12.34, 300L * 1024 * 1024);
        EpochRecord second = new EpochRecord(2, 1e-5, ordered("edge", 0.25, "map2", 1, "loss", 1.25), null,
                Map.of(), 10, -1);
        assertThat(MetricsCsv.format(List.of(first, second))).isEqualTo(
                "epoch,lr,train_edge,train_map2,train_loss,val_loss,val_dice,val_iou,seconds,rss_mb\n"
                + "1,0.000100000,0.500000,1.25000,1.75000,2.00000,0.500000,0.333333,12.3,300\n"
                + "2,1.00000e-05,0.250000,1.00000,1.25000,,,,10.0,\n");
    }
}
