package org.covseg.cohort;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.covseg.report.AnalysisReport;
import org.covseg.severity.PercentageOfInfection;
import org.covseg.severity.SeverityReport;
import org.covseg.severity.WholeLungScore;

/**
 * One study's line of the cohort table (docs/cohort.md lists the columns). Percentages are of the lung's amount
 * (volume, or area for 2-D images); null where the analysis does not give the value (a failed study, a 2-D image
 * without the scores of a volume, no class split, no detection model).
 */
public record CohortRow(String studyId, String input, String status, String error, boolean reused, String seriesUid,
                        String seriesDescription, String kind, String unit, Double lungRight, Double lungLeft,
                        Double lungTotal, Double poiRight, Double poiLeft, Double poiTotal, Double ggoRight,
                        Double ggoLeft, Double ggoTotal, Double consolidationRight, Double consolidationLeft,
                        Double consolidationTotal, List<Integer> wholeLungScores, Boolean finding, Double detectionProbability, String numerics,
                        String models, String covsegVersion, Double analysisSeconds, Double wallSeconds,
                        String output) implements Serializable {

    public static final String DONE = "done";
    public static final String FAILED = "failed";

    /**
     * The table's columns, in order, as Spark and Parquet see them: one integer column per whole-lung score, named
     * after its key ({@code ctSeverityScore} → {@code ct_severity_score}).
     */
    public static final StructType SCHEMA = new StructType(Stream.of(Stream.of(
        field("study_id", DataTypes.StringType), field("input", DataTypes.StringType),
        field("status", DataTypes.StringType), field("error", DataTypes.StringType),
        field("reused", DataTypes.BooleanType), field("series_uid", DataTypes.StringType),
        field("series_description", DataTypes.StringType), field("kind", DataTypes.StringType),
        field("unit", DataTypes.StringType), field("lung_right", DataTypes.DoubleType),
        field("lung_left", DataTypes.DoubleType), field("lung_total", DataTypes.DoubleType),
        field("poi_right", DataTypes.DoubleType), field("poi_left", DataTypes.DoubleType),
        field("poi_total", DataTypes.DoubleType), field("ggo_right", DataTypes.DoubleType),
        field("ggo_left", DataTypes.DoubleType), field("ggo_total", DataTypes.DoubleType),
        field("consolidation_right", DataTypes.DoubleType), field("consolidation_left", DataTypes.DoubleType),
        field("consolidation_total", DataTypes.DoubleType)),
        SeverityReport.WHOLE_LUNG_SCORE_KEYS.stream().map(k -> field(snakeCase(k), DataTypes.IntegerType)),
        Stream.of(field("finding", DataTypes.BooleanType), field("detection_probability", DataTypes.DoubleType),
        field("numerics", DataTypes.StringType), field("models", DataTypes.StringType),
        field("covseg_version", DataTypes.StringType), field("analysis_seconds", DataTypes.DoubleType),
        field("wall_seconds", DataTypes.DoubleType), field("output", DataTypes.StringType)))
        .flatMap(f -> f).toArray(StructField[]::new));

    /** Also refuses a row of another covseg version's scores (a study's stored row is then analysed again). */
    public CohortRow {
        if (wholeLungScores.size() != SeverityReport.WHOLE_LUNG_SCORE_KEYS.size()) {
            throw new IllegalArgumentException(wholeLungScores.size() + " whole-lung scores, expected "
                    + SeverityReport.WHOLE_LUNG_SCORE_KEYS);
        }
        wholeLungScores = Collections.unmodifiableList(new ArrayList<>(wholeLungScores));
    }

    /** The row of a study analysed into {@code output}. */
    static CohortRow of(CohortStudy study, AnalysisReport report, Map<String, String> volumeMetadata,
            double wallSeconds, String output) {
        SeverityReport s = report.severity();
        PercentageOfInfection p = s == null ? null : s.percentageOfInfection();
        return new CohortRow(study.id(), study.path(), DONE, null, false, volumeMetadata.get("seriesInstanceUid"),
                volumeMetadata.get("seriesDescription"), report.input().kind(), p == null ? null : p.unit(),
                p == null ? null : p.right().lung().value(), p == null ? null : p.left().lung().value(),
                p == null ? null : p.total().lung().value(), any(p == null ? null : p.right()),
                any(p == null ? null : p.left()), any(p == null ? null : p.total()),
                ggo(p == null ? null : p.right()), ggo(p == null ? null : p.left()), ggo(p == null ? null : p.total()),
                consolidation(p == null ? null : p.right()), consolidation(p == null ? null : p.left()),
                consolidation(p == null ? null : p.total()),
                s == null ? noScores() : s.wholeLungScores().stream().map(WholeLungScore::value).toList(),
                s == null ? null : s.finding().present(), report.detection().probability(),
                report.numerics() == null ? null : report.numerics().mode(),
                report.models().stream().map(m -> m.name() + " " + m.versionShown() + " sha256:" + m.weightsSha256())
                        .collect(Collectors.joining("; ")),
                report.covsegVersion(), report.wallSeconds(), wallSeconds, output);
    }

    /** The row of a study that could not be analysed, with the one-line reason. */
    static CohortRow failed(CohortStudy study, String error, double wallSeconds) {
        return new CohortRow(study.id(), study.path(), FAILED, error, false, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, noScores(), null, null, null, null, null, null,
                wallSeconds, null);
    }

    /** This row as found complete from an earlier run. */
    CohortRow reusedAs() {
        return new CohortRow(studyId, input, status, error, true, seriesUid, seriesDescription, kind, unit, lungRight,
                lungLeft, lungTotal, poiRight, poiLeft, poiTotal, ggoRight, ggoLeft, ggoTotal, consolidationRight,
                consolidationLeft, consolidationTotal, wholeLungScores, finding, detectionProbability, numerics, models,
                covsegVersion, analysisSeconds, wallSeconds, output);
    }

    Row toRow() {
        List<Object> cells = new ArrayList<>(Arrays.asList(studyId, input, status, error, reused, seriesUid,
                seriesDescription, kind, unit, lungRight, lungLeft, lungTotal, poiRight, poiLeft, poiTotal, ggoRight,
                ggoLeft, ggoTotal, consolidationRight, consolidationLeft, consolidationTotal));
        cells.addAll(wholeLungScores);
        cells.addAll(Arrays.asList(finding, detectionProbability, numerics, models, covsegVersion, analysisSeconds,
                wallSeconds, output));
        return RowFactory.create(cells.toArray());
    }

    /** One null per whole-lung score: a study without them. */
    private static List<Integer> noScores() {
        return Collections.nCopies(SeverityReport.WHOLE_LUNG_SCORE_KEYS.size(), null);
    }

    static String snakeCase(String lowerCamelCase) {
        return lowerCamelCase.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }

    private static Double any(PercentageOfInfection.LungInvolvement l) {
        return l == null ? null : l.any().percent();
    }

    private static Double ggo(PercentageOfInfection.LungInvolvement l) {
        return l == null || l.groundGlass() == null ? null : l.groundGlass().percent();
    }

    private static Double consolidation(PercentageOfInfection.LungInvolvement l) {
        return l == null || l.consolidation() == null ? null : l.consolidation().percent();
    }

    private static StructField field(String name, DataType type) {
        return DataTypes.createStructField(name, type, true);
    }
}
