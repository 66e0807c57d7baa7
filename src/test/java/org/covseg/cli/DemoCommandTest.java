package org.covseg.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesThePhantomAndDescribesIt() {
        Cli r = Cli.run("demo", "--out", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(dir.resolve("phantom_ct.nii.gz")).exists();
        assertThat(dir.resolve("phantom_truth_lungs.nii.gz")).exists();
        assertThat(r.out()).contains("true infection", "256 x 256 x 32 voxels");
    }
}
