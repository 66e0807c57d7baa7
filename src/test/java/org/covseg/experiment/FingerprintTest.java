package org.covseg.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.covseg.CovsegException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Test
    void theFirstCheckRecordsAndTheSameRecipePasses() throws IOException {
        Path file = dir.resolve("cell.json");
        JsonNode recipe = json("{\"settings\": {\"epochs\": 10, \"lr\": 0.0001}}");
        Fingerprint.check(file, recipe, "cell 'a'");
        assertThatCode(() -> Fingerprint.check(file, json("{\"settings\": {\"epochs\": 10, \"lr\": 1e-4}}"),
                "cell 'a'")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Fingerprint.check(file, json("{\"settings\": {\"epochs\": 11, \"lr\": 1e-4}}"),
                "cell 'a'")).isInstanceOf(CovsegException.class).hasMessageContaining("settings.epochs: 10 → 11");
    }

    @Test
    void theThreadCountIsRecordedButNotCompared() throws IOException {
        Path file = dir.resolve("cell.json");
        Fingerprint.check(file, json("{\"settings\": {\"epochs\": 10, \"threads\": 2}}"), "cell 'a'");
        assertThatCode(() -> Fingerprint.check(file, json("{\"settings\": {\"epochs\": 10, \"threads\": 1}}"),
                "cell 'a'")).doesNotThrowAnyException();
        assertThat(Files.readString(file)).contains("\"threads\" : 2");
    }

    /** A record written before a key existed holds that key's default: the recipe at the default is the same. */
    @Test
    void aKeyMissingFromAnOlderRecordCountsAsItsDefault() throws IOException {
        Path file = dir.resolve("cell.json");
        Files.writeString(file, "{\"settings\": {\"epochs\": 10}}");
        JsonNode defaults = json("{\"settings\": {\"arch\": \"infnet\", \"epochs\": 100}}");
        assertThatCode(() -> Fingerprint.check(file, json("{\"settings\": {\"epochs\": 10, \"arch\": \"infnet\"}}"),
                defaults, "cell 'a'")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Fingerprint.check(file, json("{\"settings\": {\"epochs\": 10, \"arch\": \"unet\"}}"),
                defaults, "cell 'a'")).isInstanceOf(CovsegException.class)
                .hasMessageContaining("settings.arch: none → \"unet\"");
        assertThatThrownBy(() -> Fingerprint.check(file, json("{\"settings\": {\"epochs\": 10, \"arch\": \"infnet\"}}"),
                "cell 'a'")).isInstanceOf(CovsegException.class).hasMessageContaining("settings.arch: none →");
    }
}
