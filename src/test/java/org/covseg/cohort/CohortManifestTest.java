package org.covseg.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CohortManifestTest {

    @TempDir
    Path tmp;

    @Test
    void aFolderListsNiftiFilesAndSubfoldersByName() throws IOException {
        Files.writeString(tmp.resolve("b.nii.gz"), "");
        Files.writeString(tmp.resolve("a.nii"), "");
        Files.createDirectories(tmp.resolve("dicom study"));
        Files.writeString(tmp.resolve("notes.txt"), "");
        Files.createDirectories(tmp.resolve(".hidden"));

        assertThat(CohortManifest.read(tmp.toString())).extracting(CohortStudy::id)
                .containsExactly("a", "b", "dicom_study");
    }

    @Test
    void aTextListResolvesRelativePathsAndRepeatedNamesGetNumbers() throws IOException {
        Files.writeString(tmp.resolve("list.txt"), "# cohort\nx/scan.nii.gz\n\n/data/y/scan.nii.gz\n");

        assertThat(CohortManifest.read(tmp.resolve("list.txt").toString())).containsExactly(
                new CohortStudy("scan", tmp.resolve("x/scan.nii.gz").toString(), null),
                new CohortStudy("scan-2", "/data/y/scan.nii.gz", null));
    }

    @Test
    void aCsvGivesIdsAndSeriesAndRefusesBadLinesInOneLine() throws IOException {
        Files.writeString(tmp.resolve("c.csv"), "path,study_id,series\n/d/1,p001,1.2.3\n/d/2,,\n");
        assertThat(CohortManifest.read(tmp.resolve("c.csv").toString())).containsExactly(
                new CohortStudy("p001", "/d/1", "1.2.3"), new CohortStudy("2", "/d/2", null));

        Files.writeString(tmp.resolve("bad.csv"), "file,id\n/d/1,x\n");
        assertThatThrownBy(() -> CohortManifest.read(tmp.resolve("bad.csv").toString()))
                .hasMessageContaining("the header has no column 'path'");
        Files.writeString(tmp.resolve("short.csv"), "path,study_id\n/d/1\n");
        assertThatThrownBy(() -> CohortManifest.read(tmp.resolve("short.csv").toString()))
                .hasMessageContaining("line 2 has 1 cells, the header 2");
        assertThatThrownBy(() -> CohortManifest.read(tmp.resolve("none").toString()))
                .hasMessageStartingWith("no such file or folder: ");
    }

    @Test
    void csvCellsAreQuotedOnlyWhenTheyMustBe() {
        assertThat(CohortTable.cell(null)).isEmpty();
        assertThat(CohortTable.cell(12.5)).isEqualTo("12.5");
        assertThat(CohortTable.cell("a, b")).isEqualTo("\"a, b\"");
        assertThat(CohortTable.cell("say \"no\"")).isEqualTo("\"say \"\"no\"\"\"");
    }
}
