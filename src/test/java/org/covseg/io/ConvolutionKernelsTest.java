package org.covseg.io;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConvolutionKernelsTest {

    @ParameterizedTest
    @ValueSource(strings = {"LUNG", "BONE", "BONEPLUS", "EDGE", "B60f", "B70f", "B80f", "I70f", "Br64\\3", "Bl57",
        "FC51", "FC56", "YA", "YB", "L", "lung"})
    void lungAndSharpKernelsAreSharp(String kernel) {
        assertThat(ConvolutionKernels.isSharp(kernel)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"STANDARD", "SOFT", "B30f", "B45f", "Br40\\3", "I31f", "FC17", "B", "C", "", "UNKNOWN"})
    void standardSoftAndUnknownKernelsAreNot(String kernel) {
        assertThat(ConvolutionKernels.isSharp(kernel)).isFalse();
    }
}
