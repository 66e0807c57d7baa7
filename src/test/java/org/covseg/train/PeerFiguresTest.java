package org.covseg.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.covseg.CovsegException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PeerFiguresTest {

    @TempDir
    Path dir;

    @Test
    void readsTheLineThePeerBenchmarkPrints() throws IOException {
        Path file = dir.resolve("peer.json");
        Files.writeString(file, "{\"infer_ms_per_image_b1\": 303.0, \"infer_ms_per_image_b4\": 247.0, "
                + "\"train_ms_per_image_b4\": 489.0, \"params\": 33122441, \"threads\": 2}\n");
        assertThat(PeerFigures.read(file)).isEqualTo(new PeerFigures(303.0, 247.0, 489.0, 2));
    }

    @Test
    void theRatioIsCovsegsTimeOverThePeers() {
        assertThat(PeerFigures.ratio(978, 489)).isEqualTo(2.0);
        assertThat(PeerFigures.ratio(123.5, 247)).isEqualTo(0.5);
    }

    @Test
    void aFileWithoutTheFiguresIsOneClearError() throws IOException {
        Path file = dir.resolve("peer.json");
        Files.writeString(file, "{\"infer_ms_per_image_b1\": 303.0}");
        assertThatThrownBy(() -> PeerFigures.read(file)).isInstanceOf(CovsegException.class)
                .hasMessageContaining("no positive number \"infer_ms_per_image_b4\"");
        assertThatThrownBy(() -> PeerFigures.read(dir.resolve("missing.json"))).isInstanceOf(CovsegException.class)
                .hasMessageStartingWith("cannot read the peer figures");
    }
}
