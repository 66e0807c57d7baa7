package org.covseg.data;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UcsdSourceTest {

    @Test
    void sourceIsThePaperBeforeThePageMarker() {
        assertThat(UcsdCovidCtDataset.source("2020.02.10.20021584-p6-52%13.png")).isEqualTo("2020.02.10.20021584");
        assertThat(UcsdCovidCtDataset.source("2020.03.12.20034686-p17-91-6.png")).isEqualTo("2020.03.12.20034686");
        assertThat(UcsdCovidCtDataset.source("kjr-21-e24-p2-8.png")).isEqualTo("kjr-21-e24");
        assertThat(UcsdCovidCtDataset.source("med-9780198814924-chapter-17-p10-515.png"))
                .isEqualTo("med-9780198814924-chapter-17");
        assertThat(UcsdCovidCtDataset.source(
                "2019-novel-Coronavirus-severe-adult-respiratory-dist_2020_International-Jour-p3-89%0.png"))
                .isEqualTo("2019-novel-Coronavirus-severe-adult-respiratory-dist_2020_International-Jour");
    }

    @Test
    void withoutPageMarkerSourceIsTheNameBeforeSubFigureMarks() {
        assertThat(UcsdCovidCtDataset.source("PIIS0140673620301549_0%1.png")).isEqualTo("PIIS0140673620301549");
        assertThat(UcsdCovidCtDataset.source("PIIS0140673620301549_2.png")).isEqualTo("PIIS0140673620301549");
        assertThat(UcsdCovidCtDataset.source("PIIS0140673620303603%8.png")).isEqualTo("PIIS0140673620303603");
        assertThat(UcsdCovidCtDataset.source("12%3.jpg")).isEqualTo("12");
        assertThat(UcsdCovidCtDataset.source("105.png")).isEqualTo("105");
    }
}
