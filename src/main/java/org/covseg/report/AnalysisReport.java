package org.covseg.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.covseg.severity.SeverityReport;

/**
 * What {@code covseg analyze} found in one study, written as {@code report.json}. The field names below are the
 * JSON keys; a change of meaning or a removed key raises {@link #SCHEMA_VERSION}, new keys do not.
 *
 * @param schemaVersion   version of this schema ({@value #SCHEMA_VERSION})
 * @param disclaimer      always {@value #DISCLAIMER}
 * @param covsegVersion   the covseg version that wrote the report
 * @param input           the study analysed
 * @param models          the models run: the infection network (none when the user gave the infection mask), the
 *                        multi-class network and the COVID-19 detection network when they ran
 * @param numerics        how the engine computed the networks on this machine (the mode the engine self-check chose);
 *                        null (absent) when no network ran
 * @param masks           where each mask came from: the infection mask, the lung mask and any reference mask
 * @param threshold       probability at or above which a pixel counts as infected; null (absent) when the user gave
 *                        the infection mask
 * @param infectionClasses what the infection mask distinguishes: ground-glass opacity and consolidation, or any
 *                        class only, saying why the split is unavailable
 * @param approximations  every approximation behind the numbers, in plain words
 * @param severity        the severity report (org.covseg.severity.SeverityReport: POI, finding flag, CT severity
 *                        score, total CT score, MosMed category, each with its label and definition) of a volume or
 *                        a single 2-D image; null for a folder of 2-D images, whose slices carry their own
 * @param detection       the COVID-19 detection model's probability (or why there is none)
 * @param agreement       the agreement with a reference mask the user gave, or null (absent) when none was given
 * @param slices          per axial slice, lung and infected amounts (volumes: mL per slice)
 * @param timingsSeconds  wall time of each stage in seconds, in pipeline order
 * @param wallSeconds     wall time of the whole analysis, from reading the input to the masks written; stages that
 *                        run beside each other overlap, so it can be less than the sum of the stages' times
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "disclaimer", "covsegVersion", "input", "models", "numerics", "masks", "threshold",
        "infectionClasses", "approximations", "severity", "detection", "agreement", "slices", "timingsSeconds",
        "wallSeconds"})
public record AnalysisReport(int schemaVersion, String disclaimer, String covsegVersion, InputInfo input,
                             List<ModelInfo> models, NumericsInfo numerics, List<MaskOrigin> masks, Double threshold,
                             String infectionClasses, List<String> approximations, SeverityReport severity,
                             CovidDetection detection, Agreement agreement, List<SliceResult> slices, Map<String, Double> timingsSeconds,
                             double wallSeconds) {

    public static final int SCHEMA_VERSION = 1;
    public static final String DISCLAIMER = "Research software, not for clinical use.";

    /** The sentence saying the ground-glass / consolidation split is unavailable, and {@code why}. */
    public static String noClassSplit(String why) {
        return "Ground-glass / consolidation split: not available — " + why + ".";
    }

    public AnalysisReport {
        models = List.copyOf(models);
        masks = List.copyOf(masks);
        approximations = List.copyOf(approximations);
        slices = List.copyOf(slices);
        timingsSeconds = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(timingsSeconds));
    }
}
