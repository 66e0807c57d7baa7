package org.covseg.serve;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadIntakeTest {

    @Test
    void aClientsFileNameLosesItsFoldersAndUnsafeCharacters() {
        assertThat(UploadIntake.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(UploadIntake.safeName("C:\\scans\\chest ct.nii.gz")).isEqualTo("chest_ct.nii.gz");
        assertThat(UploadIntake.safeName("..")).isEqualTo("upload");
        assertThat(UploadIntake.safeName(".hidden.png")).isEqualTo("hidden.png");
        assertThat(UploadIntake.safeName(null)).isEqualTo("upload");
        assertThat(UploadIntake.safeName("x".repeat(300) + ".png")).hasSize(120).endsWith(".png");
    }
}
