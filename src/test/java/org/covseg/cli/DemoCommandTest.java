package org.covseg.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.covseg.phantom.InfectionTruth;
import org.covseg.phantom.Phantom;
import org.covseg.phantom.PhantomConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {

    @TempDir
    Path dir;

    /**
     * The demo's report, made with the shipped models (lungs found by covseg), gives each lung's infected percentage
     * within 1 percentage point of the phantom's truth (issue #8).
     */
    @Test
    void writesThePhantomAndReportsItsInfectionWithinOnePointOfTheTruth() throws IOException {
        Cli r = Cli.run("demo", "--out", dir.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(dir.resolve("phantom_ct.nii.gz")).exists();
        assertThat(dir.resolve("phantom_truth_lungs.nii.gz")).exists();
        assertThat(r.out()).contains("true infection", "256 x 256 x 32 voxels");

        InfectionTruth truth = Phantom.generate(PhantomConfig.defaults().toBuilder().seed(1).build()).truth();
        JsonNode poi = new ObjectMapper().readTree(dir.resolve("analysis/report.json").toFile())
                .at("/severity/percentageOfInfection");
        assertThat(poi.at("/right/any/percent").asDouble()).isCloseTo(truth.right().percentInfected(), within(1.0));
        assertThat(poi.at("/left/any/percent").asDouble()).isCloseTo(truth.left().percentInfected(), within(1.0));
        assertThat(poi.at("/total/any/percent").asDouble()).isCloseTo(truth.percentInfected(), within(1.0));
    }

    /** A lesion-free phantom (a specificity check) is analysed, with nothing to score the maps against. */
    @Test
    void aLesionFreePhantomIsAnalysedWithoutAnEvaluation() throws IOException {
        Files.createDirectories(dir.resolve("evaluation"));
        Files.writeString(dir.resolve("evaluation/metrics.json"), "{}");

        Cli r = Cli.run("demo", "--lesion-free", "--seed", "2", "--out", dir.toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("(seed 2, no lesions)", "total 0.0%",
                "every voxel the report calls infection is a false positive").doesNotContain("gallery.png");
        assertThat(dir.resolve("evaluation")).as("the earlier demo's evaluation").doesNotExist();
        JsonNode report = new ObjectMapper().readTree(dir.resolve("analysis/report.json").toFile());
        assertThat(report.at("/severity/percentageOfInfection/total/any/percent").isNumber()).isTrue();
    }
}
