package org.covseg.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTokenTest {

    @TempDir
    Path tmp;

    @Test
    void theFirstStartMakesAnOwnerOnlyTokenThatLaterStartsReuse() throws IOException {
        AccessToken first = AccessToken.resolve(null, tmp);
        AccessToken second = AccessToken.resolve(null, tmp);

        assertThat(first.generated()).isTrue();
        assertThat(second.generated()).isFalse();
        assertThat(second.value()).isEqualTo(first.value()).hasSize(48);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tmp.resolve(AccessToken.FILE))))
                .isEqualTo("rw-------");
        assertThat(first.matches(first.value())).isTrue();
        assertThat(first.matches(first.value() + "x")).isFalse();
        assertThat(first.matches(null)).isFalse();
    }

    @Test
    void aGivenTokenMustBeLongEnough() {
        assertThat(AccessToken.resolve("0123456789abcdef", tmp).value()).isEqualTo("0123456789abcdef");
        assertThatThrownBy(() -> AccessToken.resolve("short", tmp))
                .hasMessage("--token must be at least 16 characters");
        assertThat(tmp.resolve(AccessToken.FILE)).doesNotExist();
    }
}
