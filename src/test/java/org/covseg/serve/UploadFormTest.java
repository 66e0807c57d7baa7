package org.covseg.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.covseg.analysis.AnalysisOptions;
import org.covseg.io.SliceOrientation;
import org.junit.jupiter.api.Test;

class UploadFormTest {

    @Test
    void anEmptyFormGivesAnalyzesDefaults() {
        assertThat(UploadForm.read(Map.<String, String>of()::get)).isEqualTo(AnalysisOptions.DEFAULTS);
        assertThat(AnalysisOptions.DEFAULTS.threshold()).isEqualTo(0.5);
        assertThat(AnalysisOptions.DEFAULTS.orientation()).isEqualTo(SliceOrientation.DISPLAY);
    }

    @Test
    void formFieldsAreRead() {
        AnalysisOptions o = UploadForm.read(Map.of("series", "1.2.840.5", "threshold", "0.3", "pixel_mm", "0.7",
                "classes", "off", "detection", "false", "pdf", "0", "cropped_to_lungs", "on", "rewindow", "true",
                "orientation", "transposed")::get);

        assertThat(o).isEqualTo(new AnalysisOptions("1.2.840.5", 0.3, 0.7, false, false, false, true, true,
                SliceOrientation.TRANSPOSED));
    }

    @Test
    void badValuesAreOneLine() {
        assertThatThrownBy(() -> UploadForm.read(Map.of("threshold", "0")::get))
                .hasMessage("threshold must lie in (0, 1), got 0.0");
        assertThatThrownBy(() -> UploadForm.read(Map.of("threshold", "half")::get))
                .hasMessage("threshold must be a number, got 'half'");
        assertThatThrownBy(() -> UploadForm.read(Map.of("pixel_mm", "-1")::get))
                .hasMessage("pixel_mm must be a positive size in mm, got -1.0");
        assertThatThrownBy(() -> UploadForm.read(Map.of("classes", "maybe")::get))
                .hasMessage("classes must be true or false, got 'maybe'");
        assertThatThrownBy(() -> UploadForm.read(Map.of("orientation", "SIDEWAYS")::get))
                .hasMessage("orientation must be DISPLAY or TRANSPOSED, got 'SIDEWAYS'");
        assertThatThrownBy(() -> UploadForm.read(Map.of("series", "../../etc")::get))
                .hasMessageStartingWith("series must be a DICOM UID");
    }
}
