package org.covseg.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.covseg.analysis.AnalysisOptions;
import org.covseg.cli.Main;
import org.covseg.image.Volume;
import org.covseg.io.FileTrees;
import org.covseg.io.NiftiDatatype;
import org.covseg.io.NiftiWriter;
import org.covseg.model.DefaultModels;
import org.covseg.phantom.Phantom;
import org.covseg.phantom.PhantomConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** covseg cohort on Spark local[2], in the normal suite: phantoms, a corrupt file and a scan that is no chest CT. */
class CohortRunTest {

    @TempDir
    static Path tmp;

    static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = SparkSession.builder().master("local[2]").appName("covseg cohort test")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1").getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        spark.stop();
    }

    @Test
    void rowsMatchTheClisReportsBadStudiesAreRowsAndARerunRedoesOnlyWhatIsMissing() throws IOException {
        Path studies = Files.createDirectories(tmp.resolve("studies"));
        Path a = phantom(studies.resolve("a.nii.gz"), 9);
        phantom(studies.resolve("b.nii.gz"), 4);
        byte[] whole = Files.readAllBytes(a);
        Files.write(studies.resolve("broken.nii.gz"), Arrays.copyOf(whole, whole.length / 3));
        NiftiWriter.write(Volume.builder(64, 64, 8).spacing(1, 1, 1).build(), studies.resolve("water.nii.gz"),
                NiftiDatatype.INT16);
        Files.writeString(tmp.resolve("cohort.csv"), "study_id,path\nfirst,studies/a.nii.gz\nsecond,studies/b.nii.gz\n"
                + "broken,studies/broken.nii.gz\nwater," + studies.resolve("water.nii.gz") + "\n");
        Path out = tmp.resolve("out");
        CohortSettings settings = settings(out);

        List<CohortRow> rows = CohortRun.run(spark, CohortManifest.read(tmp.resolve("cohort.csv").toString()),
                settings, 4);

        Map<String, CohortRow> byId = rows.stream().collect(Collectors.toMap(CohortRow::studyId, Function.identity()));
        assertThat(rows).extracting(CohortRow::studyId).containsExactly("first", "second", "broken", "water");
        assertThat(byId.get("first").status()).as(byId.get("first").error()).isEqualTo("done");
        assertThat(byId.get("broken").status()).isEqualTo("failed");
        assertThat(byId.get("broken").error()).startsWith("cannot read NIfTI file ").contains("broken.nii.gz")
                .doesNotContain("\n");
        assertThat(byId.get("water").status()).isEqualTo("failed");
        assertThat(byId.get("water").error()).startsWith("no lung found in the 64 x 64 x 8 scan: ");

        Path cli = tmp.resolve("cli");
        assertThat(Main.run("analyze", a.toString(), "--out", cli.toString(), "--no-detect")).isZero();
        JsonNode report = new ObjectMapper().readTree(cli.resolve("report.json").toFile());
        JsonNode poi = report.at("/severity/percentageOfInfection");
        CohortRow first = byId.get("first");
        assertThat(first.poiTotal()).isEqualTo(poi.at("/total/any/percent").asDouble());
        assertThat(first.poiRight()).isEqualTo(poi.at("/right/any/percent").asDouble());
        assertThat(first.ggoLeft()).isEqualTo(poi.at("/left/groundGlass/percent").asDouble());
        assertThat(first.lungTotal()).isEqualTo(poi.at("/total/lung/value").asDouble());
        assertThat(first.wholeLungScores()).containsExactly(report.at("/severity/ctSeverityScore/total").asInt(),
                report.at("/severity/totalCtScore/total").asInt(), report.at("/severity/mosmedCategory/level").asInt());
        assertThat(first.numerics()).isEqualTo(report.at("/numerics/mode").asText());
        assertThat(first.models()).contains(report.at("/models/0/weightsSha256").asText());
        JsonNode written = new ObjectMapper().readTree(out.resolve("studies/first/report.json").toFile());
        assertThat(written.at("/severity/percentageOfInfection/total/any/percent").asDouble())
                .isEqualTo(first.poiTotal());
        assertThat(first.analysisSeconds()).as("the analysis' own wall time, inside the task's")
                .isEqualTo(written.get("wallSeconds").asDouble()).isPositive().isLessThanOrEqualTo(first.wallSeconds());

        List<Row> parquet = spark.read().parquet(out.resolve(CohortTable.PARQUET).toString()).collectAsList();
        assertThat(parquet).hasSize(4);
        List<String> csv = Files.readAllLines(out.resolve(CohortTable.CSV));
        assertThat(csv).hasSize(5);
        assertThat(csv.get(0)).startsWith("study_id,input,status,error,reused,");
        assertThat(csv.get(1)).startsWith("first,");

        FileTrees.delete(out.resolve("studies/second"));
        List<CohortRow> again = CohortRun.run(spark, CohortManifest.read(tmp.resolve("cohort.csv").toString()),
                settings, 4);

        Map<String, CohortRow> second = again.stream()
                .collect(Collectors.toMap(CohortRow::studyId, Function.identity()));
        assertThat(second.get("first").reused()).isTrue();
        assertThat(second.get("first").poiTotal()).isEqualTo(first.poiTotal());
        assertThat(second.get("second").reused()).isFalse();
        assertThat(second.get("second").status()).isEqualTo("done");
        assertThat(second.get("second").poiTotal()).isEqualTo(byId.get("second").poiTotal());
        assertThat(second.get("broken").status()).isEqualTo("failed");
        try (var left = Files.list(out.resolve("studies"))) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("first",
                    "second");
        }
    }

    @Test
    void anIncompleteOutputIsAnalysedAgain() throws IOException {
        Path study = phantom(Files.createDirectories(tmp.resolve("single")).resolve("c.nii.gz"), 2);
        Path out = tmp.resolve("out-incomplete");
        CohortSettings settings = settings(out);
        List<CohortStudy> one = CohortManifest.read(study.toString());
        CohortRun.run(spark, one, settings, 1);
        Files.writeString(out.resolve("studies/c/report.json"), "{ cut short");

        List<CohortRow> rows = CohortRun.run(spark, one, settings, 1);

        assertThat(rows.get(0).reused()).isFalse();
        assertThat(rows.get(0).status()).as(rows.get(0).error()).isEqualTo("done");
        new ObjectMapper().readTree(out.resolve("studies/c/report.json").toFile());
    }

    private static CohortSettings settings(Path out) {
        return new CohortSettings(out.toString(), DefaultModels.infection().toAbsolutePath().toString(),
                DefaultModels.installedMulticlass().map(p -> p.toAbsolutePath().toString()).orElse(null),
                null, "no multi-class model installed (models/multiclass)", "switched off (--no-detect)",
                new AnalysisOptions(null, 0.5, null, true, false, false, false, false,
                        AnalysisOptions.DEFAULTS.orientation()), 4, 1, "test");
    }

    private static Path phantom(Path file, long seed) {
        NiftiWriter.write(Phantom.generate(PhantomConfig.builder().grid(96, 10, 3.6, 20).seed(seed).build()).ct(),
                file, NiftiDatatype.FLOAT32);
        return file;
    }
}
