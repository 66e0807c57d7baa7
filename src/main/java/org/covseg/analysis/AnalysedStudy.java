package org.covseg.analysis;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.covseg.data.Scan;
import org.covseg.report.Agreement;
import org.covseg.report.CovidDetection;
import org.covseg.report.InputInfo;
import org.covseg.report.MaskOrigin;
import org.covseg.model.ModelSpec;
import org.covseg.report.ModelInfo;
import org.covseg.report.SliceResult;
import org.covseg.severity.InfectionLabels;
import org.covseg.severity.SeverityReport;

/**
 * A study after the analysis, before anything is written.
 *
 * @param scan           the study as read
 * @param grids          one per volume or per 2-D image, in scan order
 * @param severity       the severity report of a volume or single image; null for a folder of images
 * @param detection      the COVID-19 detection, or why it was not run
 * @param slices         per axial slice amounts (and, for a folder of images, each image's severity)
 * @param input          the input as the report records it
 * @param models         the models run (none when the user gave the infection mask)
 * @param threshold      the probability threshold of the infection mask, or null when the user gave the mask
 * @param infectionLabels what the values of the grids' infection masks mean
 * @param infectionClasses what the infection mask distinguishes, in plain words
 * @param masks          where each mask came from
 * @param agreement      the agreement with the user's reference mask, or null when none was given
 * @param approximations what the numbers approximate, in plain words
 * @param timingsSeconds the stages run so far and their wall time
 */
public record AnalysedStudy(Scan scan, List<StudyGrid> grids, SeverityReport severity,
                            CovidDetection detection, List<SliceResult> slices, InputInfo input,
                            List<ModelInfo> models, Double threshold, InfectionLabels infectionLabels,
                            String infectionClasses, List<MaskOrigin> masks, Agreement agreement,
                            List<String> approximations, Map<String, Double> timingsSeconds) {

    public AnalysedStudy {
        grids = List.copyOf(grids);
        slices = List.copyOf(slices);
        models = List.copyOf(models);
        masks = List.copyOf(masks);
        approximations = List.copyOf(approximations);
        timingsSeconds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(timingsSeconds));
    }

    /** Whether covseg's multi-class model split the infection (covseg's, or the user's binary mask) into classes. */
    public boolean classesSplitHere() {
        return models.stream().anyMatch(m -> ModelSpec.MULTICLASS.equals(m.task()));
    }

    /** This study with {@code earlier} stages (e.g. reading the scan) timed before its own. */
    public AnalysedStudy afterStages(Map<String, Double> earlier) {
        Map<String, Double> all = new LinkedHashMap<>(earlier);
        all.putAll(timingsSeconds);
        return new AnalysedStudy(scan, grids, severity, detection, slices, input, models, threshold,
                infectionLabels, infectionClasses,
                masks, agreement, approximations, all);
    }
}
